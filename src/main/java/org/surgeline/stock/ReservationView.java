package org.surgeline.stock;

import java.time.Instant;

public record ReservationView(long id, String depot, String item, long quantity, StockReservation.State state,
        String reference, String ownedBy, Instant createdAt, String createdBy, Instant closedAt, String closedBy) {

    static ReservationView of(StockReservation r) {
        return new ReservationView(r.id, r.depotCode, r.itemCode, r.quantity, r.state, r.reference, r.ownedBy, r.createdAt,
                r.createdBy, r.closedAt, r.closedBy);
    }
}
