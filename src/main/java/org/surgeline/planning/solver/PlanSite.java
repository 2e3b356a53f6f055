package org.surgeline.planning.solver;

/** An isolation site and the free beds it can offer other counties each day. */
public record PlanSite(String code, String county, long freeBeds) {
}
