package org.surgeline.planning.solver;

/** What a depot may give of an item in this plan: available (on hand − reserved) and its reserve floor. */
public record DepotStock(PlanDepot depot, String item, long available, long floor) {

    /** Units that can leave without crossing the floor. */
    public long aboveFloor() {
        return Math.max(0, available - floor);
    }
}
