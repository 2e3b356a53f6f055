package org.surgeline.reporting;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.FieldErrors;
import org.surgeline.region.CountyService;

/**
 * The 24-hour duty roster: each county's shifts by day, who is on duty now, and the gaps in the
 * coverage ahead. Rosters are readable city-wide, so that anyone can reach a county's duty; an
 * officer changes their own county's only (403 for another).
 */
@ApplicationScoped
@Transactional
public class DutyService {

    @Inject
    CountyService counties;
    @Inject
    CallerContext caller;
    @Inject
    AuditLog audit;
    @Inject
    ReportingConfig config;
    @Inject
    Clock clock;

    /**
     * Replaces a county's shifts of one day. Refused with 400 when two shifts overlap, among those
     * sent or with a neighbouring day's shift that runs into or from this one; nothing is changed then.
     */
    public DutyView.Day replace(String county, LocalDate day, DutyRoster roster, String actor) {
        caller.requireActFor(county);
        counties.active(county);
        List<DutyShift> shifts = new ArrayList<>();
        for (DutyRoster.Shift s : roster.shifts()) {
            DutyShift shift = new DutyShift();
            shift.countyCode = county;
            shift.day = day;
            shift.from = s.from();
            shift.to = s.to();
            shift.startsAt = day.atTime(s.from()).atZone(clock.getZone()).toInstant();
            shift.endsAt = (s.to().isAfter(s.from()) ? day : day.plusDays(1)).atTime(s.to()).atZone(clock.getZone())
                    .toInstant();
            shift.name = s.name();
            shift.phone = s.phone();
            shift.role = s.role();
            shifts.add(shift);
        }
        List<DutyShift> neighbours = DutyShift.list("countyCode = ?1 and day in ?2", Sort.by("startsAt"), county,
                List.of(day.minusDays(1), day.plusDays(1)));
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < shifts.size(); i++) {
            DutyShift a = shifts.get(i);
            for (int j = i + 1; j < shifts.size(); j++) {
                errors.check(!overlap(a, shifts.get(j)), "shifts[" + i + "]", "overlaps shifts[" + j + "] ("
                        + span(shifts.get(j)) + ")");
            }
            for (DutyShift n : neighbours) {
                errors.check(!overlap(a, n), "shifts[" + i + "]", "overlaps the shift of " + n.day + " " + span(n)
                        + " (" + n.name + ")");
            }
        }
        errors.throwIfAny();
        DutyShift.delete("countyCode = ?1 and day = ?2", county, day);
        Instant now = clock.instant();
        shifts.forEach(s -> {
            s.lastChange.record(actor, now);
            s.persist();
        });
        audit.record("DutyRoster", county + "/" + day, county, "REPLACE", null, roster, actor);
        return new DutyView.Day(county, day, shifts.stream().map(DutyView.Shift::of).toList());
    }

    /** A county's shifts of one day, by start. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DutyView.Day roster(String county, LocalDate day) {
        counties.get(county);
        return new DutyView.Day(county, day, DutyShift.<DutyShift>list("countyCode = ?1 and day = ?2",
                Sort.by("startsAt"), county, day).stream().map(DutyView.Shift::of).toList());
    }

    /** Who is on duty now in each county in service (an empty list: nobody). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DutyView.OnDuty> now() {
        Instant now = clock.instant();
        Map<String, List<DutyView.Shift>> onDuty = DutyShift.<DutyShift>list("startsAt <= ?1 and endsAt > ?1",
                        Sort.by("startsAt"), now).stream()
                .collect(Collectors.groupingBy(s -> s.countyCode, Collectors.mapping(DutyView.Shift::of, Collectors.toList())));
        return counties.list().stream().map(c -> new DutyView.OnDuty(c.code, now, onDuty.getOrDefault(c.code, List.of())))
                .toList();
    }

    /**
     * Stretches of the next {@code surgeline.reporting.duty-horizon} (48 h) with nobody on duty, per
     * county in service (or the one asked for), in order.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DutyView.Gap> gaps(Optional<String> county) {
        Instant from = clock.instant();
        Instant to = from.plus(config.dutyHorizon());
        Map<String, List<DutyShift>> byCounty = DutyShift.<DutyShift>list("endsAt > ?1 and startsAt < ?2",
                Sort.by("startsAt"), from, to).stream().collect(Collectors.groupingBy(s -> s.countyCode));
        List<DutyView.Gap> gaps = new ArrayList<>();
        for (String code : county.map(List::of).orElseGet(() -> counties.list().stream().map(c -> c.code).toList())) {
            Instant covered = from;
            for (DutyShift s : byCounty.getOrDefault(code, List.of())) {
                if (s.startsAt.isAfter(covered)) {
                    gaps.add(new DutyView.Gap(code, covered, s.startsAt));
                }
                if (s.endsAt.isAfter(covered)) {
                    covered = s.endsAt;
                }
            }
            if (covered.isBefore(to)) {
                gaps.add(new DutyView.Gap(code, covered, to));
            }
        }
        return gaps;
    }

    private static boolean overlap(DutyShift a, DutyShift b) {
        return a.startsAt.isBefore(b.endsAt) && b.startsAt.isBefore(a.endsAt);
    }

    private static String span(DutyShift s) {
        return s.from + "–" + s.to;
    }
}
