package org.surgeline.planning.solver;

import java.time.LocalDate;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** Up to 5,000 of a county's samples for one day; unassigned means unrouted. */
@PlanningEntity
public class SampleBatch {

    @PlanningId
    private String id;
    private Demand demand;
    private LocalDate date;
    private long samples;
    private String previousLab;
    private TravelMatrix travel;

    @PlanningVariable(nullable = true, valueRangeProviderRefs = "labs")
    private PlanLab lab;

    public SampleBatch() {
    }

    public SampleBatch(String id, Demand demand, LocalDate date, long samples, String previousLab) {
        this.id = id;
        this.demand = demand;
        this.date = date;
        this.samples = samples;
        this.previousLab = previousLab;
    }

    public String getId() { return id; }
    public Demand getDemand() { return demand; }
    public LocalDate getDate() { return date; }
    public long getSamples() { return samples; }
    public String getPreviousLab() { return previousLab; }
    public PlanLab getLab() { return lab; }
    public void setLab(PlanLab lab) { this.lab = lab; }

    /** Set by {@link DeploymentPlan}: the travel constraints look minutes up here instead of joining the matrix. */
    void useTravel(TravelMatrix travel) { this.travel = travel; }

    /** Minutes from its county to its lab; only while assigned. */
    public int travelMinutes() { return travel.between(demand.county(), lab.county()); }

    /** Whether the previous plan put this elsewhere (or somewhere, and now it is nowhere). */
    public boolean isMoved() {
        return previousLab != null && (lab == null || !previousLab.equals(lab.code()));
    }
}
