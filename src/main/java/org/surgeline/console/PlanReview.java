package org.surgeline.console;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.surgeline.planning.PlanDiff;
import org.surgeline.planning.PlanResult;
import org.surgeline.request.LineKind;
import org.surgeline.request.Priority;

/**
 * A draft laid out for review: what is met and unmet per kind and priority, its assignments with
 * what differs from the plan in force marked, the team × day grid, and the unmet lines with their
 * reasons.
 */
@TemplateData
public record PlanReview(List<Coverage> coverage, PlanDiff diff, List<Marked<PlanResult.PlannedShipment>> shipments,
        List<LocalDate> days, List<TeamRow> teams, List<Marked<PlanResult.BedPlacement>> beds,
        List<Marked<PlanResult.SampleRoute>> samples, List<UnmetLine> unmet) {

    /** Lines of one kind and priority: how many, and what was asked, met and left unmet, in their units. */
    @TemplateData
    public record Coverage(LineKind kind, Priority priority, int lines, long asked, long met, long unmet) {
    }

    /** An assignment, marked when the plan in force does not have it. */
    @TemplateData
    public record Marked<T>(T value, boolean changed) {
    }

    /** One team's days: a cell per day of the grid, empty when the team is not deployed that day. */
    @TemplateData
    public record TeamRow(String team, String skill, List<Cell> cells) {
    }

    @TemplateData
    public record Cell(String county, long requestId, int lineNo, boolean changed) {
        static final Cell EMPTY = new Cell(null, 0, 0, false);
    }

    /** A line left (partly) unmet, with the planner's reasons. */
    @TemplateData
    public record UnmetLine(PlanResult.Unmet line, Priority priority, List<String> reasons) {
    }

    private static final Comparator<Priority> MOST_URGENT_FIRST = Comparator.comparingInt(Priority::weight).reversed();

    static PlanReview of(PlanResult plan, PlanDiff diff, Map<Long, Priority> priorities) {
        Map<String, PlanResult.LineExplanation> explained = plan.explanation().stream()
                .collect(Collectors.toMap(e -> e.requestId() + "/" + e.lineNo(), Function.identity(), (a, b) -> a));
        List<UnmetLine> unmet = plan.unmet().stream()
                .map(u -> new UnmetLine(u, priorities.get(u.requestId()),
                        explained.containsKey(u.requestId() + "/" + u.lineNo())
                                ? explained.get(u.requestId() + "/" + u.lineNo()).reasons() : List.of()))
                .sorted(Comparator.comparing(UnmetLine::priority, Comparator.nullsLast(MOST_URGENT_FIRST))
                        .thenComparing(u -> u.line().requestId()).thenComparing(u -> u.line().lineNo()))
                .toList();

        Set<String> supply = changedSlots(diff, LineKind.SUPPLY);
        Set<String> beds = changedSlots(diff, LineKind.ISOLATION_BEDS);
        Set<String> samples = changedSlots(diff, LineKind.LAB_THROUGHPUT);
        return new PlanReview(coverage(plan.explanation(), priorities), diff,
                plan.shipments().stream().map(s -> new Marked<>(s, supply.contains(slot(s.requestId(), s.lineNo(), null))))
                        .toList(),
                days(plan), teamRows(plan, diff),
                plan.bedPlacements().stream().map(b -> new Marked<>(b,
                        beds.contains(slot(b.requestId(), b.lineNo(), b.date())))).toList(),
                plan.sampleRoutes().stream().map(r -> new Marked<>(r,
                        samples.contains(slot(r.requestId(), r.lineNo(), r.date())))).toList(),
                unmet);
    }

    private static List<Coverage> coverage(List<PlanResult.LineExplanation> lines, Map<Long, Priority> priorities) {
        Map<LineKind, Map<Priority, long[]>> sums = new EnumMap<>(LineKind.class);
        for (PlanResult.LineExplanation line : lines) {
            Priority priority = priorities.get(line.requestId());
            if (priority == null) {
                continue;
            }
            long[] sum = sums.computeIfAbsent(line.kind(), k -> new TreeMap<>(MOST_URGENT_FIRST))
                    .computeIfAbsent(priority, p -> new long[4]);
            sum[0]++;
            sum[1] += line.asked();
            sum[2] += line.met();
            sum[3] += line.unmet();
        }
        List<Coverage> rows = new ArrayList<>();
        sums.forEach((kind, byPriority) -> byPriority.forEach((priority, s) ->
                rows.add(new Coverage(kind, priority, (int) s[0], s[1], s[2], s[3]))));
        return rows;
    }

    /** The days the grid shows: every day a team is deployed in this plan. */
    private static List<LocalDate> days(PlanResult plan) {
        return List.copyOf(plan.teamShifts().stream().map(PlanResult.PlannedShift::date)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * A row per team, a cell per day; a cell is marked when the team's day differs from the plan
     * in force: the line's assignment on that day changed or is new, and this team was not on it.
     */
    private static List<TeamRow> teamRows(PlanResult plan, PlanDiff diff) {
        Set<String> newTeamDays = new HashSet<>();
        diff.kinds().stream().filter(k -> k.kind() == LineKind.TEAM).flatMap(k -> k.changes().stream())
                .forEach(change -> change.to().stream()
                        .filter(to -> change.from().stream().noneMatch(from -> from.code().equals(to.code())))
                        .forEach(to -> newTeamDays.add(to.code() + "/" + change.date())));
        List<LocalDate> days = days(plan);
        Map<String, Map<LocalDate, PlanResult.PlannedShift>> byTeam = new TreeMap<>();
        Map<String, String> skills = new LinkedHashMap<>();
        plan.teamShifts().forEach(s -> {
            byTeam.computeIfAbsent(s.teamCode(), t -> new TreeMap<>()).put(s.date(), s);
            skills.put(s.teamCode(), s.skill().name());
        });
        return byTeam.entrySet().stream().map(team -> new TeamRow(team.getKey(), skills.get(team.getKey()),
                days.stream().map(day -> {
                    PlanResult.PlannedShift s = team.getValue().get(day);
                    return s == null ? Cell.EMPTY : new Cell(s.countyCode(), s.requestId(), s.lineNo(),
                            newTeamDays.contains(s.teamCode() + "/" + day));
                }).toList())).toList();
    }

    /** The lines (and days) of one kind whose assignment this plan adds or changes. */
    private static Set<String> changedSlots(PlanDiff diff, LineKind kind) {
        return diff.kinds().stream().filter(k -> k.kind() == kind).flatMap(k -> k.changes().stream())
                .filter(c -> c.type() != PlanDiff.ChangeType.REMOVED)
                .map(c -> slot(c.requestId(), c.lineNo(), c.date())).collect(Collectors.toSet());
    }

    private static String slot(long requestId, int lineNo, LocalDate date) {
        return requestId + "/" + lineNo + "/" + date;
    }
}
