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
import java.time.LocalDate;

/** A large adjustment waiting for a second person; recorded in the ledger once approved. */
@Entity
@Table(name = "stock_adjustment_request")
public class AdjustmentRequest extends PanacheEntityBase {

    public enum State { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "depot_code")
    public String depotCode;
    @Column(name = "item_code")
    public String itemCode;
    public long quantity;
    @Enumerated(EnumType.STRING)
    public AdjustmentReason reason;
    public String lot;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    public String reference;
    public String note;
    @Column(name = "floor_override")
    public String floorOverride;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    /** The ledger operation that recorded it, once approved. */
    @Column(name = "operation_id")
    public String operationId;

    MovementRequest movement() {
        return new MovementRequest(MovementRequest.Kind.ADJUSTMENT, depotCode, null, itemCode, quantity, lot,
                expiresOn, reason, reference, note, floorOverride);
    }
}
