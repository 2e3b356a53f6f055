package org.surgeline.planning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.surgeline.platform.Hashes;

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

    /**
     * Names a set of triggers by what fired where (kind and subject), not by the figures in the
     * detail, which move with every unit of stock: a hash, the same on every replica.
     */
    public static String key(List<RebalanceTrigger> fired) {
        return Hashes.sha256(fired.stream().map(t -> t.kind + " " + t.subject).distinct().sorted()
                .collect(Collectors.joining("\n")));
    }

    /**
     * The reason recorded on a run: every kind that fired, each with its first few subjects, so that
     * forty unplanned lines cannot push a depot below its floor out of the 1,000 characters kept.
     */
    public static String summary(List<RebalanceTrigger> fired) {
        Map<Kind, List<RebalanceTrigger>> byKind = new EnumMap<>(Kind.class);
        fired.forEach(t -> byKind.computeIfAbsent(t.kind, k -> new ArrayList<>()).add(t));
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, all) -> {
            all.stream().limit(SUBJECTS_PER_KIND).forEach(t -> parts.add(t.toString()));
            if (all.size() > SUBJECTS_PER_KIND) {
                parts.add("and " + (all.size() - SUBJECTS_PER_KIND) + " more " + kind);
            }
        });
        return String.join("; ", parts);
    }

    private static final int SUBJECTS_PER_KIND = 3;

    @Override
    public String toString() {
        return kind + " " + subject + ": " + detail;
    }
}
