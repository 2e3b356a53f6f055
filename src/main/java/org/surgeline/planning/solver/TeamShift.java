package org.surgeline.planning.solver;

import java.time.LocalDate;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;
import org.surgeline.personnel.Skill;

/** One team-day a county asked for; unassigned means unfilled. */
@PlanningEntity
public class TeamShift {

    @PlanningId
    private String id;
    private Demand demand;
    private Skill skill;
    private LocalDate date;
    private String previousTeam;
    private boolean pinned;
    private TravelMatrix travel;

    @PlanningVariable(nullable = true, valueRangeProviderRefs = "teams")
    private PlanTeam team;

    public TeamShift() {
    }

    public TeamShift(String id, Demand demand, Skill skill, LocalDate date, String previousTeam) {
        this.id = id;
        this.demand = demand;
        this.skill = skill;
        this.date = date;
        this.previousTeam = previousTeam;
    }

    public String getId() { return id; }
    public Demand getDemand() { return demand; }
    public Skill getSkill() { return skill; }
    public LocalDate getDate() { return date; }
    public String getPreviousTeam() { return previousTeam; }
    public PlanTeam getTeam() { return team; }
    public void setTeam(PlanTeam team) { this.team = team; }

    /** Set by {@link DeploymentPlan}: the travel constraints look minutes up here instead of joining the matrix. */
    void useTravel(TravelMatrix travel) { this.travel = travel; }

    /** Minutes from its team's home county to the county it serves; only while assigned. */
    public int travelMinutes() { return travel.between(team.homeCounty(), demand.county()); }

    @PlanningPin
    public boolean isPinned() { return pinned; }
    public void setPinned(boolean pinned) { this.pinned = pinned; }

    /** Whether the previous plan put this elsewhere (or somewhere, and now it is nowhere). */
    public boolean isMoved() {
        return previousTeam != null && (team == null || !previousTeam.equals(team.code()));
    }
}
