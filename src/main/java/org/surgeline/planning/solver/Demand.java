package org.surgeline.planning.solver;

/**
 * The request line a planning entity serves, how much its priority weighs, and whether it is
 * ROUTINE demand (which never draws a depot below its reserve floor).
 */
public record Demand(long requestId, long lineId, int lineNo, String county, int weight, boolean routine) {

    /** Demand whose priority is told by its weight alone: weight 1 is routine. */
    public Demand(long requestId, long lineId, int lineNo, String county, int weight) {
        this(requestId, lineId, lineNo, county, weight, weight <= 1);
    }
}
