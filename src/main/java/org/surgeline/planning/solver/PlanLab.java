package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.Map;

/**
 * A testing lab and the samples it can take beyond its own load on each day of the horizon; a
 * day missing from {@code byDay} offers {@code spareSamples}.
 */
public record PlanLab(String code, String county, long spareSamples, Map<LocalDate, Long> byDay) {

    /** A lab that offers the same spare samples every day. */
    public PlanLab(String code, String county, long spareSamples) {
        this(code, county, spareSamples, Map.of());
    }

    public long spareSamplesOn(LocalDate date) {
        return byDay.getOrDefault(date, spareSamples);
    }
}
