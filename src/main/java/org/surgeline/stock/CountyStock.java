package org.surgeline.stock;

import java.util.List;

/**
 * One item across one county's depots ({@code level} COUNTY), or across the city-level depots that
 * belong to no county, such as the city reserve ({@code level} CITY, {@code county} null, daily use
 * of the whole city). Days of cover = available ÷ (population × daily use per 10,000 ÷ 10,000); null
 * when the item has no daily use.
 */
public record CountyStock(Level level, String county, String item, long onHand, long reserved, long available,
        long reserveFloor, double dailyUse, Double daysOfCover, List<BalanceView> depots) {

    public enum Level {
        COUNTY, CITY
    }
}
