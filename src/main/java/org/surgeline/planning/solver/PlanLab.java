package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.Map;

/**
 * A testing lab and the samples it can take beyond its own load on each day of the horizon; a
 * day missing from {@code byDay} offers {@code spareSamples}.
 */
public record PlanLab(String code, String county, long spareSamples, Map<LocalDate, Long> byDay) {

    /**
     * Hashed by code alone (equal records have equal codes): the constraint streams hash planning
     * values on every move, and the default record hash walks the map of days each time.
     */
    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** A lab that offers the same spare samples every day. */
    public PlanLab(String code, String county, long spareSamples) {
        this(code, county, spareSamples, Map.of());
    }

    public long spareSamplesOn(LocalDate date) {
        return byDay.getOrDefault(date, spareSamples);
    }
}
