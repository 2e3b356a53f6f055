package org.surgeline.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One ledger entry. Append-only: Hibernate never writes an update for it. */
@Entity
@Immutable
@Table(name = "stock_movement")
public class StockMovement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stock_movement_seq")
    @SequenceGenerator(name = "stock_movement_seq", sequenceName = "stock_movement_seq", allocationSize = 50)
    public Long id;
    /** Shared by the movements of one request (both legs of a transfer, the lots of an issue). */
    @Column(name = "operation_id")
    public String operationId;
    @Enumerated(EnumType.STRING)
    public MovementType type;
    @Column(name = "depot_code")
    public String depotCode;
    @Column(name = "item_code")
    public String itemCode;
    public String lot;
    /** Always positive; the changes below carry the direction. */
    public long quantity;
    @Column(name = "on_hand_change")
    public long onHandChange;
    @Column(name = "reserved_change")
    public long reservedChange;
    @Enumerated(EnumType.STRING)
    public AdjustmentReason reason;
    public String reference;
    public String note;
    @Column(name = "floor_override")
    public String floorOverride;
    public String actor;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
