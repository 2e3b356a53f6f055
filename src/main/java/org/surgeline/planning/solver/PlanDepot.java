package org.surgeline.planning.solver;

/** A depot as the solver sees it: where it is. */
public record PlanDepot(String code, String county) {
}
