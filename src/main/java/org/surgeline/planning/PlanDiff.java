package org.surgeline.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surgeline.request.LineKind;

/**
 * What publishing a plan would change in the plan in force, per kind of line. An assignment is
 * what one request line gets on one day (supplies: over the plan, they carry no day) and from whom:
 * depots and units, teams, sites and beds, labs and samples. It is ADDED when the plan in force
 * gives that line nothing on that day, REMOVED when this plan gives it nothing, CHANGED when both
 * give it something different. Only what publishing replaces is compared: of the plan in force,
 * the shipments not yet dispatched and the days from this plan's date on.
 */
@Schema(description = "What publishing this plan would change in the plan in force; empty (inForceId null) when "
        + "nothing is in force or this plan is the one in force")
public record PlanDiff(long planId, Long inForceId, List<KindDiff> kinds) {

    @Schema(description = "One kind of line: counts, then every assignment that is not unchanged")
    public record KindDiff(LineKind kind, int added, int removed, int changed, int unchanged, List<Change> changes) {
    }

    public enum ChangeType {
        ADDED, REMOVED, CHANGED
    }

    @Schema(description = "One line's assignment on one day (null for supplies): from whom before, from whom now")
    public record Change(ChangeType type, long requestId, long lineId, int lineNo, String countyCode, LocalDate date,
            List<Provision> from, List<Provision> to) {
    }

    @Schema(description = "Who provides and how much: a depot and units, a team (1 team-day), a site and beds, a lab "
            + "and samples")
    public record Provision(String code, long quantity) {
    }

    /** One line on one day; {@code date} is null for supplies. */
    record Slot(long requestId, long lineId, int lineNo, String countyCode, LocalDate date) {
        private static final Comparator<Slot> ORDER = Comparator.comparingLong(Slot::requestId)
                .thenComparingInt(Slot::lineNo).thenComparingLong(Slot::lineId).thenComparing(Slot::countyCode)
                .thenComparing(Slot::date, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** One provider's part in a slot. */
    record Assignment(Slot slot, String provider, long quantity) {
    }

    public static PlanDiff none(long planId) {
        return new PlanDiff(planId, null, List.of(LineKind.values()).stream()
                .map(kind -> new KindDiff(kind, 0, 0, 0, 0, List.of())).toList());
    }

    /** Compares one kind's assignments of the plan in force ({@code before}) with this plan's ({@code after}). */
    static KindDiff compare(LineKind kind, List<Assignment> before, List<Assignment> after) {
        Map<Slot, List<Provision>> was = bySlot(before);
        Map<Slot, List<Provision>> now = bySlot(after);
        TreeMap<Slot, Change> changes = new TreeMap<>(Slot.ORDER);
        int unchanged = 0;
        for (Map.Entry<Slot, List<Provision>> entry : now.entrySet()) {
            List<Provision> from = was.getOrDefault(entry.getKey(), List.of());
            if (from.equals(entry.getValue())) {
                unchanged++;
            } else {
                changes.put(entry.getKey(), change(from.isEmpty() ? ChangeType.ADDED : ChangeType.CHANGED,
                        entry.getKey(), from, entry.getValue()));
            }
        }
        was.forEach((slot, from) -> {
            if (!now.containsKey(slot)) {
                changes.put(slot, change(ChangeType.REMOVED, slot, from, List.of()));
            }
        });
        List<Change> list = new ArrayList<>(changes.values());
        return new KindDiff(kind, count(list, ChangeType.ADDED), count(list, ChangeType.REMOVED),
                count(list, ChangeType.CHANGED), unchanged, list);
    }

    /** Each slot's providers, their quantities summed, in code order so that equal parts compare equal. */
    private static Map<Slot, List<Provision>> bySlot(List<Assignment> assignments) {
        return assignments.stream().collect(Collectors.groupingBy(Assignment::slot, Collectors.collectingAndThen(
                Collectors.groupingBy(Assignment::provider, TreeMap::new, Collectors.summingLong(Assignment::quantity)),
                (TreeMap<String, Long> parts) -> parts.entrySet().stream()
                        .map(part -> new Provision(part.getKey(), part.getValue())).toList())));
    }

    private static Change change(ChangeType type, Slot slot, List<Provision> from, List<Provision> to) {
        return new Change(type, slot.requestId(), slot.lineId(), slot.lineNo(), slot.countyCode(), slot.date(), from, to);
    }

    private static int count(List<Change> changes, ChangeType type) {
        return (int) changes.stream().filter(c -> c.type() == type).count();
    }

    /** Assignments added, removed or changed, over all kinds. */
    public int total() {
        return kinds.stream().mapToInt(k -> k.added() + k.removed() + k.changed()).sum();
    }
}
