package org.surgeline.planning.solver;

import java.util.Map;

/**
 * Driving minutes between counties; 0 within a county. A class with identity equality, not a
 * record: the solver and its score explanation hash problem facts, and hashing a matrix of a
 * million entries on every match made explaining a large plan take minutes.
 */
public final class TravelMatrix {

    private final Map<String, Map<String, Integer>> minutes;

    public TravelMatrix(Map<String, Map<String, Integer>> minutes) {
        this.minutes = minutes;
    }

    public int between(String from, String to) {
        if (from.equals(to)) {
            return 0;
        }
        return minutes.getOrDefault(from, Map.of()).getOrDefault(to, 0);
    }
}
