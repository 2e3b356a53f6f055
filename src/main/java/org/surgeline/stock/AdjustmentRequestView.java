package org.surgeline.stock;

import java.time.Instant;
import java.time.LocalDate;

public record AdjustmentRequestView(long id, String depot, String item, long quantity, AdjustmentReason reason,
        String lot, LocalDate expiresOn, String reference, String note, String floorOverride,
        AdjustmentRequest.State state, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
        String decisionNote, String operationId) {

    static AdjustmentRequestView of(AdjustmentRequest a) {
        return new AdjustmentRequestView(a.id, a.depotCode, a.itemCode, a.quantity, a.reason, a.lot, a.expiresOn,
                a.reference, a.note, a.floorOverride, a.state, a.requestedBy, a.requestedAt, a.decidedBy, a.decidedAt,
                a.decisionNote, a.operationId);
    }
}
