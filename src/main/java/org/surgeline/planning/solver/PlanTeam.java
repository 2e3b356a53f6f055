package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.Set;
import org.surgeline.personnel.Skill;

/** A team as the solver sees it. */
public record PlanTeam(String code, Skill skill, String homeCounty, Set<LocalDate> unavailable) {

    /**
     * Hashed by code alone (equal records have equal codes): the constraint streams hash planning
     * values on every move, and the default record hash walks the set of days off each time.
     */
    @Override
    public int hashCode() {
        return code.hashCode();
    }

    public boolean availableOn(LocalDate date) {
        return !unavailable.contains(date);
    }
}
