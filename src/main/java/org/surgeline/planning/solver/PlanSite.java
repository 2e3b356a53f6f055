package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.Map;

/**
 * An isolation site and the free beds it can offer other counties on each day of the horizon
 * (from the forecast: rooms under conversion count from the day they are expected ready); a day
 * missing from {@code byDay} offers {@code freeBeds}.
 */
public record PlanSite(String code, String county, long freeBeds, Map<LocalDate, Long> byDay) {

    /** A site that offers the same free beds every day. */
    public PlanSite(String code, String county, long freeBeds) {
        this(code, county, freeBeds, Map.of());
    }

    public long freeBedsOn(LocalDate date) {
        return byDay.getOrDefault(date, freeBeds);
    }
}
