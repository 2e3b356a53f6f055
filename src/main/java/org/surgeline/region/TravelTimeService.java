package org.surgeline.region;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.ChangeMarks;
import org.surgeline.platform.ProblemException;

/**
 * Travel times between counties in minutes: derived from great-circle distance unless an
 * override is set for that direction.
 */
@ApplicationScoped
@Transactional
public class TravelTimeService {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    @Inject
    CountyService counties;
    @Inject
    TravelConfig config;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Every ordered pair of distinct counties, optionally narrowed to one origin and/or destination. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TravelTime> list(Optional<String> from, Optional<String> to) {
        from.ifPresent(counties::get);
        to.ifPresent(counties::get);
        Map<TravelTimeOverride.Pair, Integer> overrides = TravelTimeOverride.<TravelTimeOverride>listAll().stream()
                .collect(Collectors.toMap(o -> new TravelTimeOverride.Pair(o.fromCounty, o.toCounty), o -> o.minutes));
        List<County> all = counties.list();
        List<TravelTime> result = new ArrayList<>();
        for (County a : all) {
            if (from.isPresent() && !from.get().equals(a.code)) {
                continue;
            }
            for (County b : all) {
                if (a.code.equals(b.code) || to.isPresent() && !to.get().equals(b.code)) {
                    continue;
                }
                result.add(travelTime(a, b, overrides.get(new TravelTimeOverride.Pair(a.code, b.code))));
            }
        }
        return result;
    }

    /** The full matrix, for the planner's snapshot: minutes by origin, then destination. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Map<String, Integer>> matrix() {
        return list(Optional.empty(), Optional.empty()).stream().collect(Collectors.groupingBy(TravelTime::from,
                Collectors.toMap(TravelTime::to, TravelTime::minutes)));
    }

    /** The minutes set by hand for one direction, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Integer> overrideMinutes(String from, String to) {
        return TravelTimeOverride.<TravelTimeOverride>findByIdOptional(new TravelTimeOverride.Pair(from, to))
                .map(o -> o.minutes);
    }

    public TravelTime override(String from, String to, int minutes, String actor) {
        County a = counties.get(from);
        County b = counties.get(to);
        requireDistinct(from, to);
        TravelTimeOverride override = TravelTimeOverride.<TravelTimeOverride>findByIdOptional(
                new TravelTimeOverride.Pair(from, to)).orElseGet(() -> {
                    TravelTimeOverride created = new TravelTimeOverride();
                    created.fromCounty = from;
                    created.toCounty = to;
                    return created;
                });
        audit.record("TravelTime", from + "/" + to, null, "OVERRIDE", override.minutes == 0 ? null : override.minutes,
                minutes, actor);
        override.minutes = minutes;
        override.lastChange.record(actor, clock.instant());
        override.persist();
        return travelTime(a, b, minutes);
    }

    /** Drops the override, so the pair goes back to the derived time, which is returned. */
    public TravelTime removeOverride(String from, String to, String actor) {
        County a = counties.get(from);
        County b = counties.get(to);
        requireDistinct(from, to);
        TravelTimeOverride override = TravelTimeOverride.<TravelTimeOverride>findByIdOptional(
                new TravelTimeOverride.Pair(from, to))
                .orElseThrow(() -> ProblemException.notFound("Travel time override", from + "→" + to));
        audit.record("TravelTime", from + "/" + to, null, "REMOVE_OVERRIDE", override.minutes, null, actor);
        override.delete();
        return travelTime(a, b, null);
    }

    private static void requireDistinct(String from, String to) {
        if (from.equals(to)) {
            throw ProblemException.badRequest("same-county", "A travel time needs two different counties");
        }
    }

    private TravelTime travelTime(County a, County b, Integer overrideMinutes) {
        double km = greatCircleKm(a.latitude, a.longitude, b.latitude, b.longitude);
        if (overrideMinutes != null) {
            return new TravelTime(a.code, b.code, overrideMinutes, round1(km), TravelTime.Source.OVERRIDE);
        }
        int minutes = (int) Math.ceil(km * config.roadFactor() / config.averageSpeedKmh() * 60);
        return new TravelTime(a.code, b.code, Math.max(1, minutes), round1(km), TravelTime.Source.DERIVED);
    }

    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    private static double round1(double km) {
        return Math.round(km * 10) / 10.0;
    }

    /**
     * How far travel-time overrides have changed
     * ({@link ChangeMarks}): the planner compares it with the state its last run started from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String changeMark() {
        return ChangeMarks.of(TravelTimeOverride.class);
    }
}
