package org.surgeline.console;

import io.quarkus.qute.TemplateData;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.surgeline.planning.PlanResult;
import org.surgeline.region.County;

/**
 * A schematic map of the city for one plan, drawn as SVG from the counties' latitude and longitude
 * (nothing is fetched from the internet): a dot per county, a line per route with its width by
 * quantity. A shipment route joins a depot's county to the county it supplies (all items together);
 * a team route joins a team's home county to the county it serves (its team-days). Routes within a
 * county have no length and are left to the tables.
 */
@TemplateData
public record PlanMap(int width, int height, List<Dot> counties, List<Route> shipments, List<Route> teamMoves) {

    static final int WIDTH = 640;
    private static final int MARGIN = 40;
    private static final double MIN_STROKE = 1.5;
    private static final double MAX_STROKE = 9;

    @TemplateData
    public record Dot(String code, String name, double x, double y) {
    }

    /** A route and what it carries, {@code label} in words for the hover and focus text. */
    @TemplateData
    public record Route(String from, String to, double x1, double y1, double x2, double y2, double stroke,
            long quantity, String label) {
    }

    /** One route's load before it is placed: what goes from one county to another. */
    private record Leg(String from, String to) {
    }

    static PlanMap of(PlanResult plan, List<County> counties, Map<String, String> depotCounty,
            Map<String, String> teamCounty, Function<County, String> names, Locale locale,
            BiFunction<String, Long, String> teamDays) {
        Map<String, County> byCode = counties.stream().collect(Collectors.toMap(c -> c.code, Function.identity()));
        double minLat = counties.stream().mapToDouble(c -> c.latitude).min().orElse(0);
        double maxLat = counties.stream().mapToDouble(c -> c.latitude).max().orElse(1);
        double minLon = counties.stream().mapToDouble(c -> c.longitude).min().orElse(0);
        double maxLon = counties.stream().mapToDouble(c -> c.longitude).max().orElse(1);
        // Degrees of longitude shrink with latitude; without this the city is drawn stretched sideways.
        double squeeze = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * squeeze, 1e-6);
        double spanY = Math.max(maxLat - minLat, 1e-6);
        double scale = (WIDTH - 2 * MARGIN) / Math.max(spanX, spanY);
        int height = (int) Math.ceil(spanY * scale) + 2 * MARGIN;
        Function<County, double[]> at = c -> new double[] {
                round(MARGIN + (c.longitude - minLon) * squeeze * scale), round(MARGIN + (maxLat - c.latitude) * scale)};

        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        Map<Leg, Map<String, Long>> shipped = new TreeMap<>(LEG_ORDER);
        for (PlanResult.PlannedShipment s : plan.shipments()) {
            String from = depotCounty.get(s.fromDepotCode());
            if (from != null && !from.equals(s.toCountyCode())) {
                shipped.computeIfAbsent(new Leg(from, s.toCountyCode()), l -> new TreeMap<>())
                        .merge(s.itemCode(), s.quantity(), Long::sum);
            }
        }
        Map<Leg, Map<String, Long>> moved = new TreeMap<>(LEG_ORDER);
        for (PlanResult.PlannedShift s : plan.teamShifts()) {
            String home = teamCounty.get(s.teamCode());
            if (home != null && !home.equals(s.countyCode())) {
                moved.computeIfAbsent(new Leg(home, s.countyCode()), l -> new TreeMap<>())
                        .merge(s.teamCode(), 1L, Long::sum);
            }
        }
        Function<Leg, String> legName = leg -> names.apply(byCode.get(leg.from())) + " → " + names.apply(byCode.get(leg.to()));
        return new PlanMap(WIDTH, height,
                counties.stream().map(c -> {
                    double[] xy = at.apply(c);
                    return new Dot(c.code, names.apply(c), xy[0], xy[1]);
                }).toList(),
                routes(shipped, byCode, at, legName, (item, units) -> item + " " + numbers.format(units)),
                routes(moved, byCode, at, legName, teamDays));
    }

    private static List<Route> routes(Map<Leg, Map<String, Long>> legs, Map<String, County> byCode,
            Function<County, double[]> at, Function<Leg, String> legName,
            BiFunction<String, Long, String> part) {
        long most = legs.values().stream().mapToLong(PlanMap::total).max().orElse(1);
        List<Route> routes = new ArrayList<>();
        legs.forEach((leg, load) -> {
            County from = byCode.get(leg.from());
            County to = byCode.get(leg.to());
            if (from == null || to == null) {
                return;
            }
            double[] a = at.apply(from);
            double[] b = at.apply(to);
            long total = total(load);
            // By area rather than length: a route carrying four times as much is twice as wide.
            double stroke = round(MIN_STROKE + (MAX_STROKE - MIN_STROKE) * Math.sqrt((double) total / most));
            String carried = load.entrySet().stream().map(e -> part.apply(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            routes.add(new Route(leg.from(), leg.to(), a[0], a[1], b[0], b[1], stroke, total,
                    legName.apply(leg) + ": " + carried));
        });
        return routes;
    }

    private static final Comparator<Leg> LEG_ORDER = Comparator.comparing(Leg::from).thenComparing(Leg::to);

    private static long total(Map<String, Long> load) {
        return load.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
