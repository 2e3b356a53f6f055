package org.surgeline.planning.solver;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** A parcel of an approved supply line; unassigned means unmet. */
@PlanningEntity(difficultyComparatorClass = ParcelDifficulty.class)
public class SupplyParcel {

    @PlanningId
    private String id;
    private Demand demand;
    private String item;
    private long units;
    /** The depot the last published plan drew this parcel from, for stability; null if none. */
    private String previousDepot;
    /** The stock it takes must not expire before this date (need-by + margin); null if any will do. */
    private java.time.LocalDate lastsUntil;
    /** Minutes left to reach the county by the end of its need-by date; a farther depot cannot serve it. */
    private long minutesLeft = Long.MAX_VALUE;
    private boolean pinned;
    private TravelMatrix travel;
    private java.util.Map<PlanDepot, DepotStock> stockByDepot;

    @PlanningVariable(nullable = true, valueRangeProviderRefs = "depots")
    private PlanDepot source;

    public SupplyParcel() {
    }

    public SupplyParcel(String id, Demand demand, String item, long units, String previousDepot) {
        this.id = id;
        this.demand = demand;
        this.item = item;
        this.units = units;
        this.previousDepot = previousDepot;
    }

    /** A parcel needed by a date: stock must last until {@code lastsUntil}, and arrive within {@code minutesLeft}. */
    public SupplyParcel(String id, Demand demand, String item, long units, String previousDepot,
            java.time.LocalDate lastsUntil, long minutesLeft) {
        this(id, demand, item, units, previousDepot);
        this.lastsUntil = lastsUntil;
        this.minutesLeft = minutesLeft;
    }

    public String getId() { return id; }
    public java.time.LocalDate getLastsUntil() { return lastsUntil; }
    public long getMinutesLeft() { return minutesLeft; }
    public Demand getDemand() { return demand; }
    public String getItem() { return item; }
    public long getUnits() { return units; }
    public String getPreviousDepot() { return previousDepot; }
    public PlanDepot getSource() { return source; }
    public void setSource(PlanDepot source) { this.source = source; }

    /** Set by {@link DeploymentPlan}: the travel constraints look minutes up here instead of joining the matrix. */
    void useTravel(TravelMatrix travel) { this.travel = travel; }

    /**
     * Set by {@link DeploymentPlan}: what each depot holds of this parcel's item, so that the stock
     * constraints group parcels by their stock instead of by depot and item and then joining it.
     */
    void useStock(java.util.Map<PlanDepot, DepotStock> stockByDepot) { this.stockByDepot = stockByDepot; }

    /** What its depot holds of its item; null while unassigned or if the depot holds none. */
    public DepotStock stock() { return source == null ? null : stockByDepot.get(source); }

    /** Minutes from its depot to its county; only while assigned. */
    public int travelMinutes() { return travel.between(source.county(), demand.county()); }

    @PlanningPin
    public boolean isPinned() { return pinned; }
    public void setPinned(boolean pinned) { this.pinned = pinned; }

    /** Whether the previous plan put this elsewhere (or somewhere, and now it is nowhere). */
    public boolean isMoved() {
        return previousDepot != null && (source == null || !previousDepot.equals(source.code()));
    }
}
