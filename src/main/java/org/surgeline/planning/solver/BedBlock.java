package org.surgeline.planning.solver;

import java.time.LocalDate;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** Up to 10 isolation beds for one day that a county cannot house itself; unassigned means unplaced. */
@PlanningEntity
public class BedBlock {

    @PlanningId
    private String id;
    private Demand demand;
    private LocalDate date;
    private long beds;
    private String previousSite;
    private TravelMatrix travel;

    @PlanningVariable(nullable = true, valueRangeProviderRefs = "sites")
    private PlanSite site;

    public BedBlock() {
    }

    public BedBlock(String id, Demand demand, LocalDate date, long beds, String previousSite) {
        this.id = id;
        this.demand = demand;
        this.date = date;
        this.beds = beds;
        this.previousSite = previousSite;
    }

    public String getId() { return id; }
    public Demand getDemand() { return demand; }
    public LocalDate getDate() { return date; }
    public long getBeds() { return beds; }
    public String getPreviousSite() { return previousSite; }
    public PlanSite getSite() { return site; }
    public void setSite(PlanSite site) { this.site = site; }

    /** Set by {@link DeploymentPlan}: the travel constraints look minutes up here instead of joining the matrix. */
    void useTravel(TravelMatrix travel) { this.travel = travel; }

    /** Minutes from its county to its site; only while assigned. */
    public int travelMinutes() { return travel.between(demand.county(), site.county()); }

    /** Whether the previous plan put this elsewhere (or somewhere, and now it is nowhere). */
    public boolean isMoved() {
        return previousSite != null && (site == null || !previousSite.equals(site.code()));
    }
}
