package org.surgeline.stock;

import java.time.LocalDate;

/**
 * Something a duty officer should act on. Fields that do not apply to the kind are null; {@code county}
 * is null for a city-level depot (the city reserve) and the city row.
 */
public record StockAlert(Kind kind, String county, String depot, String item, String lot, Long quantity,
        LocalDate date, String detail) {

    public enum Kind {
        /** Available stock at a depot is below its reserve floor. */
        BELOW_FLOOR,
        /** A lot holding stock expires within the warning window. */
        EXPIRING,
        /** A lot holding stock has expired: not available, to be removed by an EXPIRY adjustment. */
        EXPIRED,
        /** At its daily use, a county runs out of an item within the planning horizon. */
        PROJECTED_STOCKOUT
    }
}
