package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.Set;
import org.surgeline.personnel.Skill;

/** A team as the solver sees it. */
public record PlanTeam(String code, Skill skill, String homeCounty, Set<LocalDate> unavailable) {

    public boolean availableOn(LocalDate date) {
        return !unavailable.contains(date);
    }
}
