package org.surgeline.planning;

/** A condition that calls for a rebalancing run, recorded on the run as its reason. */
public record RebalanceTrigger(Kind kind, String subject, String detail) {

    public enum Kind {
        /** An approved CRITICAL line that no published plan covers yet. */
        CRITICAL_LINE_UNPLANNED,
        /** A depot-item whose available stock is below its reserve floor. */
        DEPOT_BELOW_FLOOR,
        /** A county whose free isolation beds are a small share of its ready beds. */
        ISOLATION_NEARLY_FULL,
        /** A lab testing near its capacity, or with more backlog than it clears in a day. */
        LAB_OVERLOADED
    }

    @Override
    public String toString() {
        return kind + " " + subject + ": " + detail;
    }
}
