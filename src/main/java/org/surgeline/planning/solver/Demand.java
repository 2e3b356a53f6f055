package org.surgeline.planning.solver;

/** The request line a planning entity serves, and how much its priority weighs. */
public record Demand(long requestId, long lineId, int lineNo, String county, int weight) {
}
