package org.surgeline.planning.solver;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import org.optaplanner.core.impl.heuristic.selector.move.generic.ChangeMove;

/**
 * Construction of team shifts tries only teams with the shift's skill that are available that day
 * (and leaving it unfilled). Any other team breaks a hard rule (hard weights are fixed at 1), which
 * always scores worse than leaving the shift unfilled, so construction would never pick it: trying
 * it only cost a score calculation per team and shift, most of the construction time on large
 * plans (docs/benchmarks.md).
 */
public class QualifiedTeamFilter implements SelectionFilter<DeploymentPlan, ChangeMove<DeploymentPlan>> {

    @Override
    public boolean accept(ScoreDirector<DeploymentPlan> scoreDirector, ChangeMove<DeploymentPlan> move) {
        TeamShift shift = (TeamShift) move.getEntity();
        PlanTeam team = (PlanTeam) move.getToPlanningValue();
        return team == null || (team.skill() == shift.getSkill() && team.availableOn(shift.getDate()));
    }
}
