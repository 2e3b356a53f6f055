package org.surgeline.testing;

import org.surgeline.platform.ETags;
import org.surgeline.platform.Filter;
import org.surgeline.platform.Locks;
import org.surgeline.platform.RetirementHolds;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ChangeMarks;
import org.surgeline.platform.Problem;
import org.surgeline.platform.ProblemException;
import org.surgeline.region.CountyService;

/**
 * Testing labs, their capacity history and their daily load. Writes to one lab's days take a lock
 * on the lab, because a day's backlog depends on every day before it.
 */
@ApplicationScoped
@Transactional
public class LabService implements RetirementHolds {

    @Inject
    CountyService counties;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    /** Registers a lab; an officer registers labs of their own county only (403). */
    public TestingLab createLab(NewLab n, String actor) {
        caller.requireActFor(n.county());
        counties.active(n.county());
        if (TestingLab.findById(n.code()) != null) {
            throw ProblemException.conflict("duplicate", "Lab '" + n.code() + "' already exists");
        }
        TestingLab lab = new TestingLab();
        lab.code = n.code();
        lab.status = LabStatus.ACTIVE;
        apply(lab, new LabChange(n.name(), n.county()), actor);
        lab.persist();
        audit.record("TestingLab", lab.code, lab.countyCode, "CREATE", null, n, actor);
        saveCapacity(lab.code, Optional.ofNullable(n.effectiveFrom()).orElseGet(this::today), n.tubesPerDay(),
                n.poolingRatio(), actor);
        return lab;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TestingLab lab(String code) {
        return TestingLab.<TestingLab>findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Lab", code));
    }

    /** The labs in service, optionally of one county, by code: what reports and the planner see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TestingLab> labs(Optional<String> county) {
        return labs(county, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TestingLab> labs(Optional<String> county, boolean includeRetired) {
        county.ifPresent(counties::get);
        Filter filter = new Filter().and(county, "countyCode = :county", "county")
                .andIf(!includeRetired, "retiredAt is null");
        return TestingLab.list(filter.query(), Sort.by("code"), filter.parameters());
    }

    /** Labs with today's figures, by code, the retired too when asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LabView> labViews(Optional<String> county, boolean includeRetired) {
        return List.copyOf(views(labs(county, includeRetired), today()).values());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TestingLab> findLab(String code) {
        return TestingLab.findByIdOptional(code);
    }

    /** Edits a lab's name and county if {@code ifMatch} names its current version (else 412); audited. */
    public TestingLab updateLab(String code, String ifMatch, LabChange change, String actor) {
        TestingLab lab = lab(code);
        ETags.require(ifMatch, lab.version, "Lab", code);
        return updateLab(lab, change, actor);
    }

    /** Edits a lab without a version check (the importer); an unchanged lab is left alone. */
    public TestingLab updateLab(TestingLab lab, LabChange change, String actor) {
        LabChange before = new LabChange(lab.name, lab.countyCode);
        if (!before.equals(change)) {
            if (!change.county().equals(lab.countyCode)) {
                counties.active(change.county());
            }
            audit.record("TestingLab", lab.code, lab.countyCode, "UPDATE", before, change, actor);
            apply(lab, change, actor);
        }
        return lab;
    }

    /**
     * Retires a lab: 409 while samples wait in its backlog; else it leaves the lists, the reports and
     * the planner, and its capacity and day history stay readable.
     */
    public TestingLab retireLab(String code, String actor) {
        TestingLab lab = lab(code);
        if (lab.retired()) {
            return lab;
        }
        long waiting = Math.max(0, backlogBefore(code, today().plusDays(1)));
        if (waiting > 0) {
            throw RetirementHolds.held("Lab", code, "a backlog of " + waiting + " samples");
        }
        lab.retire(actor, clock.instant());
        audit.record("TestingLab", code, lab.countyCode, "RETIRE", null, null, actor);
        return lab;
    }

    private void apply(TestingLab lab, LabChange c, String actor) {
        lab.name = c.name();
        lab.countyCode = c.county();
        lab.lastChange.record(actor, clock.instant());
    }

    /** A new capacity from a date on; history is kept, so the date is today or later. */
    public LabView changeCapacity(String code, CapacityChange change, String actor) {
        TestingLab lab = lockLab(code);
        LocalDate from = Optional.ofNullable(change.effectiveFrom()).orElseGet(this::today);
        if (from.isBefore(today())) {
            throw ProblemException.invalidField("effectiveFrom", "capacity history is kept: a change applies from today on");
        }
        audit.record("TestingLab", code, lab.countyCode, "SET_CAPACITY", null, change, actor);
        saveCapacity(code, from, change.tubesPerDay(), change.poolingRatio(), actor);
        return view(code, Optional.empty());
    }

    /**
     * Suspends or reactivates a lab from a date on (today or later), like a capacity change: the
     * version in force that day is copied with the new status, and later versions take it too.
     * Days before keep the status they had.
     */
    public LabView changeStatus(String code, LabStatus status, LocalDate effectiveFrom, String actor) {
        TestingLab lab = lockLab(code);
        audit.record("TestingLab", code, lab.countyCode, "SET_STATUS", lab.status, status, actor);
        LocalDate from = Optional.ofNullable(effectiveFrom).orElseGet(this::today);
        if (from.isBefore(today())) {
            throw ProblemException.invalidField("effectiveFrom", "status history is kept: a change applies from today on");
        }
        LabCapacity inForce = versionOn(code, from).orElseThrow(() -> ProblemException.conflict("no-capacity",
                "Lab " + code + " has no capacity on " + from + " to suspend or reactivate"));
        saveCapacity(code, from, inForce.tubesPerDay, inForce.poolingRatio, actor);
        for (LabCapacity later : LabCapacity.<LabCapacity>list("id.labCode = ?1 and id.day >= ?2", code, from)) {
            later.status = status;
        }
        em.flush();
        lab.status = versionOn(code, today()).map(v -> v.status).orElse(status);
        lab.lastChange.record(actor, clock.instant());
        return view(code, Optional.empty());
    }

    /** The capacity version in force on a day. */
    private Optional<LabCapacity> versionOn(String code, LocalDate day) {
        return LabCapacity.<LabCapacity>find("id.labCode = ?1 and id.day <= ?2", Sort.descending("id.day"), code, day)
                .firstResultOptional();
    }

    /**
     * Records one day and answers the lab's figures for it (idempotent: the same report twice leaves the same figures). Refused with
     * 400 when the lab would test more than it has, that day or, through the backlog, any later day.
     */
    public LabView recordDay(String code, LocalDate day, DayLoadReport report, String actor) {
        lockLab(code);
        if (day.isAfter(today())) {
            throw ProblemException.invalidField("date", "a day is reported once it has begun; " + day + " is in the future");
        }
        LabDayLoad load = LabDayLoad.<LabDayLoad>findByIdOptional(new LabDay(code, day)).orElseGet(() -> {
            LabDayLoad created = new LabDayLoad();
            created.id = new LabDay(code, day);
            return created;
        });
        load.samplesReceived = report.samplesReceived();
        load.samplesTested = report.samplesTested();
        load.meanTurnaroundHours = report.meanTurnaroundHours();
        load.lastChange.record(actor, clock.instant());
        load.persist();
        long backlog = backlogBefore(code, day);
        List<LabDayLoad> fromDay = LabDayLoad.list("id.labCode = ?1 and id.day >= ?2", Sort.by("id.day"), code, day);
        for (LabDayLoad d : fromDay) {
            if (d.samplesTested > backlog + d.samplesReceived) {
                throw new ProblemException(Problem.validation(
                        "samplesTested: on " + d.id.day + " the lab would test " + d.samplesTested + " but has only "
                                + backlog + " in backlog and " + d.samplesReceived + " received",
                        List.of(new Problem.FieldError("samplesTested", "more than backlog in (" + backlog
                                + ") plus received (" + d.samplesReceived + ") on " + d.id.day)))
                        .with("day", d.id.day));
            }
            backlog += d.samplesReceived - d.samplesTested;
        }
        return view(code, Optional.of(day));
    }

    /** One lab on a date, with its capacity history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LabView view(String code, Optional<LocalDate> date) {
        TestingLab lab = lab(code);
        LabView view = views(List.of(lab), date.orElseGet(this::today)).get(code);
        List<LabView.CapacityVersion> history = LabCapacity.<LabCapacity>list("id.labCode", Sort.by("id.day"), code)
                .stream().map(c -> new LabView.CapacityVersion(c.id.day, c.tubesPerDay, c.poolingRatio,
                        c.samplesPerDay(), c.lastChange.at(), c.lastChange.by())).toList();
        return new LabView(view.code(), view.name(), view.county(), view.status(), view.tubesPerDay(),
                view.poolingRatio(), view.capacityEffectiveFrom(), view.figures(), view.meanTurnaroundHours(),
                view.updatedAt(), view.updatedBy(), history, view.retiredAt());
    }

    /** City-wide, per county and per lab figures on a date (today when empty). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LabCapacityReport report(Optional<String> county, Optional<LocalDate> date) {
        LocalDate on = date.orElseGet(this::today);
        List<TestingLab> all = labs(Optional.empty());
        county.ifPresent(counties::get);
        Map<String, LabView> views = views(all, on);
        LabFigures city = views.values().stream().map(LabView::figures).reduce(LabFigures.NONE, LabFigures::plus);
        Map<String, List<LabView>> byCounty = views.values().stream()
                .collect(Collectors.groupingBy(LabView::county));
        List<LabCapacityReport.CountyLabs> perCounty = new ArrayList<>();
        for (String code : county.map(List::of).orElseGet(() -> counties.list().stream().map(c -> c.code).toList())) {
            List<LabView> labs = byCounty.getOrDefault(code, List.of());
            perCounty.add(new LabCapacityReport.CountyLabs(code,
                    labs.stream().map(LabView::figures).reduce(LabFigures.NONE, LabFigures::plus), labs));
        }
        return new LabCapacityReport(on, city, perCounty);
    }

    /** When each county's lab figures (daily loads, capacities) last changed: how fresh they are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Instant> lastChangeByCounty() {
        Map<String, Instant> newest = new HashMap<>();
        for (String entity : List.of("LabDayLoad", "LabCapacity")) {
            em.createQuery("select l.countyCode, max(x.lastChange.updatedAt) from " + entity + " x, TestingLab l "
                            + "where x.id.labCode = l.code and l.retiredAt is null group by l.countyCode", Object[].class)
                    .getResultStream()
                    .forEach(row -> newest.merge((String) row[0], (Instant) row[1], (a, b) -> a.isAfter(b) ? a : b));
        }
        return newest;
    }

    /**
     * A lab's figures for each day from {@code from} to {@code to}, oldest first: the capacity in
     * force that day, what it received and tested, and the backlog it carried; from three queries.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<LocalDate, LabFigures> history(String code, LocalDate from, LocalDate to) {
        lab(code);
        List<LabCapacity> versions = LabCapacity.list("id.labCode", Sort.by("id.day"), code);
        Map<LocalDate, LabDayLoad> loads = LabDayLoad.<LabDayLoad>list("id.labCode = ?1 and id.day >= ?2 and id.day <= ?3",
                code, from, to).stream().collect(Collectors.toMap(l -> l.id.day, Function.identity()));
        long backlog = backlogBefore(code, from);
        Map<LocalDate, LabFigures> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate on = day;
            long capacity = versions.stream().filter(v -> !v.id.day.isAfter(on)).reduce((a, b) -> b)
                    .map(LabService::samplesInForce).orElse(0L);
            LabDayLoad load = loads.get(day);
            LabFigures figures = LabFigures.of(capacity, load == null ? 0 : load.samplesReceived,
                    load == null ? 0 : load.samplesTested, backlog);
            days.put(day, figures);
            backlog = figures.backlogOut();
        }
        return days;
    }

    /** Samples a capacity version lets a lab test a day: none while it is suspended. */
    private static long samplesInForce(LabCapacity version) {
        return version.status == LabStatus.SUSPENDED ? 0 : version.samplesPerDay();
    }

    /** Figures of {@code labs} on {@code day}, from three queries whatever the number of labs. */
    private Map<String, LabView> views(List<TestingLab> labs, LocalDate day) {
        Map<String, LabCapacity> capacity = new HashMap<>();
        for (LabCapacity c : LabCapacity.<LabCapacity>list("id.day <= ?1", Sort.by("id.day"), day)) {
            capacity.put(c.id.labCode, c);
        }
        Map<String, LabDayLoad> loads = LabDayLoad.<LabDayLoad>list("id.day = ?1", day).stream()
                .collect(Collectors.toMap(l -> l.id.labCode, Function.identity()));
        Map<String, Long> backlog = backlogBefore(day);
        Map<String, LabView> views = new LinkedHashMap<>();
        for (TestingLab lab : labs) {
            LabCapacity c = capacity.get(lab.code);
            LabDayLoad load = loads.get(lab.code);
            LabStatus status = c == null ? lab.status : c.status;
            long samples = c == null ? 0 : samplesInForce(c);
            LabFigures figures = LabFigures.of(samples, load == null ? 0 : load.samplesReceived,
                    load == null ? 0 : load.samplesTested, backlog.getOrDefault(lab.code, 0L));
            views.put(lab.code, new LabView(lab.code, lab.name, lab.countyCode, status,
                    c == null ? 0 : c.tubesPerDay, c == null ? 1 : c.poolingRatio, c == null ? null : c.id.day,
                    figures, load == null ? null : load.meanTurnaroundHours, lab.lastChange.at(), lab.lastChange.by(), null,
                    lab.retiredAt));
        }
        return views;
    }

    /** Days before a plan date whose received samples make a lab's expected daily load. */
    static final int RECENT_LOAD_DAYS = 7;

    /**
     * Samples each lab can take beyond its own load, for each of {@code days} days from
     * {@code from}: the capacity in force that day (none while suspended), less its expected load
     * (the mean received over its reported days among the {@value #RECENT_LOAD_DAYS} before
     * {@code from}), less the backlog it carries into {@code from}, which it works off first.
     * A lab with no spare on any day is left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LabSpare> spareSamplesForecast(LocalDate from, int days) {
        Map<String, List<LabCapacity>> versions = LabCapacity.<LabCapacity>list("id.day < ?1", Sort.by("id.day"),
                from.plusDays(days)).stream().collect(Collectors.groupingBy(c -> c.id.labCode));
        Map<String, Double> recentLoad = LabDayLoad.<LabDayLoad>list("id.day >= ?1 and id.day < ?2",
                        from.minusDays(RECENT_LOAD_DAYS), from).stream()
                .collect(Collectors.groupingBy(l -> l.id.labCode, Collectors.averagingLong(l -> l.samplesReceived)));
        Map<String, Long> backlog = backlogBefore(from);
        List<LabSpare> spare = new ArrayList<>();
        for (TestingLab lab : labs(Optional.empty())) {
            long load = Math.round(recentLoad.getOrDefault(lab.code, 0.0));
            long carried = Math.max(0, backlog.getOrDefault(lab.code, 0L));
            Map<LocalDate, Long> byDay = new TreeMap<>();
            for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
                long capacity = lab.status == LabStatus.SUSPENDED ? 0 : capacityOn(versions.get(lab.code), day);
                // What is left after the day's own load works off the backlog first; a day whose own
                // load exceeds the capacity adds to it.
                long left = capacity - load - carried;
                carried = Math.max(0, -left);
                if (left > 0) {
                    byDay.put(day, left);
                }
            }
            if (!byDay.isEmpty()) {
                spare.add(new LabSpare(lab.code, lab.countyCode, byDay));
            }
        }
        return spare;
    }

    /** What a lab can take beyond its own load, per day. */
    public record LabSpare(String lab, String county, Map<LocalDate, Long> spareByDay) {
    }

    private static long capacityOn(List<LabCapacity> versions, LocalDate day) {
        long samples = 0;
        for (LabCapacity c : versions == null ? List.<LabCapacity>of() : versions) {
            if (!c.id.day.isAfter(day)) {
                samples = c.samplesPerDay();
            }
        }
        return samples;
    }

    /** Each lab's backlog at the start of {@code day}. */
    private Map<String, Long> backlogBefore(LocalDate day) {
        return backlogBefore(day, Optional.empty());
    }

    /** One lab's backlog at the start of {@code day}: the sum over its days only, not the whole city's. */
    private long backlogBefore(String lab, LocalDate day) {
        return backlogBefore(day, Optional.of(lab)).getOrDefault(lab, 0L);
    }

    private Map<String, Long> backlogBefore(LocalDate day, Optional<String> lab) {
        var query = em.createQuery("select l.id.labCode, sum(l.samplesReceived - l.samplesTested) from LabDayLoad l "
                        + "where l.id.day < :day" + (lab.isPresent() ? " and l.id.labCode = :lab" : "")
                        + " group by l.id.labCode", Object[].class)
                .setParameter("day", day);
        lab.ifPresent(code -> query.setParameter("lab", code));
        return query.getResultStream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    private void saveCapacity(String code, LocalDate from, int tubes, int ratio, String actor) {
        LabCapacity version = LabCapacity.<LabCapacity>findByIdOptional(new LabDay(code, from)).orElseGet(() -> {
            LabCapacity created = new LabCapacity();
            created.id = new LabDay(code, from);
            // A new version keeps the status in force on its date.
            created.status = versionOn(code, from).map(v -> v.status).orElse(LabStatus.ACTIVE);
            return created;
        });
        version.tubesPerDay = tubes;
        version.poolingRatio = ratio;
        version.lastChange.record(actor, clock.instant());
        version.persist();
    }

    /** Locks a lab for a change by the caller: 404 when unknown, 403 for an officer of another county. */
    private TestingLab lockLab(String code) {
        TestingLab lab = Locks.existing(em, TestingLab.class, code, "Lab");
        caller.requireActFor(lab.countyCode);
        return lab;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * How far labs, their capacity history and daily loads have changed
     * ({@link ChangeMarks}): the planner compares it with the state its last run started from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String changeMark() {
        return ChangeMarks.of(TestingLab.class, LabCapacity.class, LabDayLoad.class);
    }

    /** Labs hold their county. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> holderOf(String entity, String key) {
        if (!entity.equals("County")) {
            return Optional.empty();
        }
        return TestingLab.<TestingLab>find("countyCode = ?1 and retiredAt is null", Sort.by("code"), key)
                .firstResultOptional()
                .map(l -> "testing lab " + l.code);
    }
}
