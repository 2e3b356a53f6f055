package org.surgeline.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One item at one depot; {@code available} is on hand less expired lots and less reserved. */
public record BalanceView(String depot, String item, long onHand, long reserved, long expired, long available,
        long reserveFloor,
        boolean belowFloor, long version, Instant updatedAt, String updatedBy, List<Lot> lots) {

    public record Lot(String lot, LocalDate expiresOn, long quantity) {
    }

    static BalanceView of(StockBalance b, List<StockLot> lots) {
        return new BalanceView(b.id.depotCode, b.id.itemCode, b.onHand, b.reserved, b.expiredOnHand, b.available(),
                b.reserveFloor,
                b.available() < b.reserveFloor, b.version, b.lastChange.at(), b.lastChange.by(),
                lots.stream().filter(l -> l.quantity > 0).map(l -> new Lot(l.id.lot, l.expiresOn, l.quantity)).toList());
    }
}
