package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.Map;

/**
 * An isolation site and the free beds it can offer other counties on each day of the horizon
 * (from the forecast: rooms under conversion count from the day they are expected ready); a day
 * missing from {@code byDay} offers {@code freeBeds}.
 */
public record PlanSite(String code, String county, long freeBeds, Map<LocalDate, Long> byDay) {

    /**
     * Hashed by code alone (equal records have equal codes): the constraint streams hash planning
     * values on every move, and the default record hash walks the map of days each time.
     */
    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** A site that offers the same free beds every day. */
    public PlanSite(String code, String county, long freeBeds) {
        this(code, county, freeBeds, Map.of());
    }

    public long freeBedsOn(LocalDate date) {
        return byDay.getOrDefault(date, freeBeds);
    }
}
