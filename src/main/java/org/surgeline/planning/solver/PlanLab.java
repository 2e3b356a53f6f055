package org.surgeline.planning.solver;

/** A testing lab and the samples a day it can take beyond its own load. */
public record PlanLab(String code, String county, long spareSamples) {
}
