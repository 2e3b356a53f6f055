package org.surgeline.stock;

import java.time.Instant;
import java.util.List;
import java.util.Objects;


/**
 * One item across one county's depots ({@code level} COUNTY), or across the city-level depots that
 * belong to no county, such as the city reserve ({@code level} CITY, {@code county} null, daily use
 * of the whole city). Days of cover = available ÷ (population × daily use per 10,000 ÷ 10,000); null
 * when the item has no daily use.
 */
public record CountyStock(Level level, String county, String item, long onHand, long reserved, long available,
        long reserveFloor, double dailyUse, Double daysOfCover, List<BalanceView> depots) {

    /** Days of cover under this is LOW on the board (amber). */
    public static final double LOW_COVER_DAYS = 3;

    public enum Level {
        COUNTY, CITY
    }

    /** CRITICAL when any depot holds less than its reserve floor, LOW under {@value #LOW_COVER_DAYS} days of cover. */
    public org.surgeline.platform.Level coverLevel() {
        if (depots.stream().anyMatch(BalanceView::belowFloor)) {
            return org.surgeline.platform.Level.CRITICAL;
        }
        return daysOfCover != null && daysOfCover < LOW_COVER_DAYS ? org.surgeline.platform.Level.LOW
                : org.surgeline.platform.Level.OK;
    }

    /** When the newest balance behind these figures changed; null when there is none. */
    public Instant lastChange() {
        return depots.stream().map(BalanceView::updatedAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }
}
