package org.surgeline.stock;

import java.util.List;

/**
 * One item across one county's depots. Days of cover = available ÷ (population × daily use per
 * 10,000 ÷ 10,000); null when the item has no daily use.
 */
public record CountyStock(String county, String item, long onHand, long reserved, long available,
        long reserveFloor, double dailyUse, Double daysOfCover, List<BalanceView> depots) {
}
