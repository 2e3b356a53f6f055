package org.surgeline.planning.solver;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Driving minutes between counties; 0 within a county and for a pair it does not know. A class
 * with identity equality, not a record: the solver and its score explanation hash problem facts,
 * and hashing a matrix of a million entries on every match made explaining a large plan take
 * minutes. The minutes sit in one flat array by dense county index, since the travel constraints
 * look them up on every move.
 */
public final class TravelMatrix {

    private final Map<String, Integer> index = new HashMap<>();
    private final int[] minutes;

    public TravelMatrix(Map<String, Map<String, Integer>> minutes) {
        Set<String> counties = new HashSet<>(minutes.keySet());
        minutes.values().forEach(row -> counties.addAll(row.keySet()));
        counties.forEach(county -> index.put(county, index.size()));
        int n = index.size();
        this.minutes = new int[n * n];
        minutes.forEach((from, row) -> row.forEach((to, m) -> this.minutes[index.get(from) * n + index.get(to)] = m));
    }

    public int between(String from, String to) {
        if (from.equals(to)) {
            return 0;
        }
        Integer a = index.get(from);
        Integer b = index.get(to);
        return a == null || b == null ? 0 : minutes[a * index.size() + b];
    }
}
