package org.surgeline.planning.solver;

import java.util.Map;

/** Driving minutes between counties; 0 within a county. */
public record TravelMatrix(Map<String, Map<String, Integer>> minutes) {

    public int between(String from, String to) {
        if (from.equals(to)) {
            return 0;
        }
        return minutes.getOrDefault(from, Map.of()).getOrDefault(to, 0);
    }
}
