package org.surgeline.request;

import java.time.Instant;
import java.util.List;

public record ShipmentView(long id, long requestId, String fromDepot, String toCounty, String toDepot, String item,
        long quantity, ShipmentState state, Long reservationId, Long planId, List<Shipment.Lot> lots,
        Instant createdAt, Instant updatedAt, String updatedBy) {

    public static ShipmentView of(Shipment s) {
        return new ShipmentView(s.id, s.requestId, s.fromDepot, s.toCounty, s.toDepot, s.itemCode, s.quantity,
                s.state, s.reservationId, s.planId, List.copyOf(s.lots), s.createdAt, s.lastChange.at(), s.lastChange.by());
    }
}
