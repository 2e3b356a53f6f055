package org.surgeline.reporting;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import org.surgeline.request.Priority;

/**
 * A county's figures as a daily report carries them, filled in by the service at submission:
 * beds (physical, ready, free, occupied, converting) and rooms converting now; the labs' capacity,
 * received, tested and backlog on the report's day; teams deployed into the county from elsewhere
 * and away from it that day; requests not yet closed by priority; days of cover per item with a
 * daily use. Sums ({@link #plus}) add every count and keep the lowest days of cover per item;
 * {@link #minus} gives the change between two days.
 */
public record ReportFigures(long bedsPhysical, long bedsReady, long bedsFree, long bedsOccupied,
        long bedsConverting, long roomsConverting, long labCapacity, long labReceived, long labTested,
        long labBacklog, long teamsDeployedIn, long teamsDeployedOut, Map<Priority, Long> openRequests,
        Map<String, Double> daysOfCover) {

    public static final ReportFigures NONE = new ReportFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            Map.of(), Map.of());

    public ReportFigures {
        EnumMap<Priority, Long> requests = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            requests.put(p, openRequests == null ? 0L : openRequests.getOrDefault(p, 0L));
        }
        openRequests = requests;
        daysOfCover = daysOfCover == null ? Map.of() : new TreeMap<>(daysOfCover);
    }

    public ReportFigures plus(ReportFigures o) {
        return combine(o, Long::sum, Math::min);
    }

    public ReportFigures minus(ReportFigures o) {
        return combine(o, (a, b) -> a - b, (a, b) -> Math.round((a - b) * 10) / 10.0);
    }

    private ReportFigures combine(ReportFigures o, LongBinaryOperator counts, BinaryOperator<Double> cover) {
        Map<Priority, Long> requests = new EnumMap<>(Priority.class);
        openRequests.forEach((p, n) -> requests.put(p, counts.applyAsLong(n, o.openRequests.get(p))));
        Map<String, Double> days = new TreeMap<>();
        daysOfCover.forEach((item, d) -> {
            Double other = o.daysOfCover.get(item);
            days.put(item, other == null ? d : cover.apply(d, other));
        });
        o.daysOfCover.forEach(days::putIfAbsent);
        return new ReportFigures(counts.applyAsLong(bedsPhysical, o.bedsPhysical),
                counts.applyAsLong(bedsReady, o.bedsReady), counts.applyAsLong(bedsFree, o.bedsFree),
                counts.applyAsLong(bedsOccupied, o.bedsOccupied), counts.applyAsLong(bedsConverting, o.bedsConverting),
                counts.applyAsLong(roomsConverting, o.roomsConverting), counts.applyAsLong(labCapacity, o.labCapacity),
                counts.applyAsLong(labReceived, o.labReceived), counts.applyAsLong(labTested, o.labTested),
                counts.applyAsLong(labBacklog, o.labBacklog), counts.applyAsLong(teamsDeployedIn, o.teamsDeployedIn),
                counts.applyAsLong(teamsDeployedOut, o.teamsDeployedOut), requests, days);
    }

    /**
     * The counts in a fixed order, named as the CSV columns and the printable page's headings; days
     * of cover are listed separately since their items vary.
     */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("bedsPhysical", bedsPhysical);
        counts.put("bedsReady", bedsReady);
        counts.put("bedsFree", bedsFree);
        counts.put("bedsOccupied", bedsOccupied);
        counts.put("bedsConverting", bedsConverting);
        counts.put("roomsConverting", roomsConverting);
        counts.put("labCapacity", labCapacity);
        counts.put("labReceived", labReceived);
        counts.put("labTested", labTested);
        counts.put("labBacklog", labBacklog);
        counts.put("teamsDeployedIn", teamsDeployedIn);
        counts.put("teamsDeployedOut", teamsDeployedOut);
        openRequests.forEach((p, n) -> counts.put("openRequests" + p.name(), n));
        return counts;
    }
}
