package org.surgeline.stock;

import java.time.Instant;

public record MovementView(long id, String operationId, MovementType type, String depot, String item, String lot,
        long quantity, long onHandChange, long reservedChange, AdjustmentReason reason, String reference,
        String note, String floorOverride, String actor, Instant occurredAt) {

    static MovementView of(StockMovement m) {
        return new MovementView(m.id, m.operationId, m.type, m.depotCode, m.itemCode, m.lot, m.quantity,
                m.onHandChange, m.reservedChange, m.reason, m.reference, m.note, m.floorOverride, m.actor,
                m.occurredAt);
    }
}
