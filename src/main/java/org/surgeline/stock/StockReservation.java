package org.surgeline.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Stock held at a depot for an allocation until it is dispatched (consumed) or released. */
@Entity
@Table(name = "stock_reservation")
public class StockReservation extends PanacheEntityBase {

    public enum State { ACTIVE, RELEASED, CONSUMED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "depot_code")
    public String depotCode;
    @Column(name = "item_code")
    public String itemCode;
    public long quantity;
    @Enumerated(EnumType.STRING)
    public State state;
    public String reference;
    /** The record that holds this reservation (e.g. {@code shipment:12}); null when made by hand. */
    @Column(name = "owned_by")
    public String ownedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
}
