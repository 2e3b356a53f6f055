package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a depot may give of an item in this plan: available (on hand − reserved), its reserve
 * floor, and how much of the available stock lasts until a date ({@code lastingFrom}: for each
 * expiry date, the available units expiring on or after it; empty when no lot expires).
 */
public record DepotStock(PlanDepot depot, String item, long available, long floor,
        NavigableMap<LocalDate, Long> lastingFrom) {

    /**
     * Hashed by depot and item (equal records have equal ones): the constraint streams hash stock
     * facts, and the default record hash walks the map of expiry dates each time.
     */
    @Override
    public int hashCode() {
        return 31 * depot.hashCode() + item.hashCode();
    }

    /** Stock whose lots never expire. */
    public DepotStock(PlanDepot depot, String item, long available, long floor) {
        this(depot, item, available, floor, new TreeMap<>());
    }

    /**
     * Stock with its available units by expiry date (reserved units are taken from the
     * earliest-expiring lots, as dispatch takes them).
     */
    public static DepotStock withLots(PlanDepot depot, String item, long available, long floor,
            Map<LocalDate, Long> availableByExpiry) {
        NavigableMap<LocalDate, Long> lasting = new TreeMap<>();
        long sum = 0;
        for (Map.Entry<LocalDate, Long> e : new TreeMap<>(availableByExpiry).descendingMap().entrySet()) {
            sum += e.getValue();
            lasting.put(e.getKey(), sum);
        }
        return new DepotStock(depot, item, available, floor, lasting);
    }

    /** Units that can leave without crossing the floor. */
    public long aboveFloor() {
        return Math.max(0, available - floor);
    }

    /** Available units that do not expire before {@code date}. */
    public long lastingUntil(LocalDate date) {
        if (date == null || lastingFrom.isEmpty()) {
            return available;
        }
        Map.Entry<LocalDate, Long> from = lastingFrom.ceilingEntry(date);
        return from == null ? 0 : Math.min(available, from.getValue());
    }
}
