package org.surgeline.request;

/** How urgent a request is; the planner weighs unmet demand by {@link #weight()}. */
public enum Priority {
    ROUTINE(1), URGENT(3), CRITICAL(10);

    private final int weight;

    Priority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
