package org.surgeline.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.FieldErrors;
import org.surgeline.platform.ProblemException;
import org.surgeline.region.CountyService;

/**
 * Daily reports: one per county and day, figures filled in at each submission; amended until the
 * day closes, every version kept; the city's summary read from what was stored, so a closed day's
 * summary never changes.
 */
@ApplicationScoped
@Transactional
public class DailyReportService {

    @Inject
    CountyService counties;
    @Inject
    CountyFigures figures;
    @Inject
    ReportCalendar calendar;
    @Inject
    CallerContext caller;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** A report as submitted, and whether this submission created it. */
    public record Submitted(DailyReportView report, boolean created) {
    }

    /**
     * Submits or amends a county's report (an officer's own county only: another is a 404). The
     * same narrative and zero flag again change nothing; anything else adds a version. Refused
     * with 409 once the day is closed, 400 for a day not begun or a report saying nothing.
     */
    public Submitted submit(String county, LocalDate day, DailySubmission body, String actor) {
        caller.requireCounty(county, "County", county);
        counties.active(county);
        String narrative = body.narrative() == null || body.narrative().isBlank() ? null : body.narrative().strip();
        new FieldErrors()
                .check(!day.isAfter(calendar.today()), "date", "a day is reported once it has begun; " + day
                        + " is in the future")
                .check(body.zeroReport() || narrative != null, "narrative",
                        "required unless zeroReport is true (a zero report says explicitly that nothing is new)")
                .throwIfAny();
        if (calendar.closed(day)) {
            throw ProblemException.conflict("report-day-closed", "Reports of " + day + " closed at "
                    + calendar.closes(day) + "; they are read-only").with("closedAt", calendar.closes(day));
        }
        Instant now = clock.instant();
        boolean late = calendar.pastCutoff(day);
        DailyReport report = DailyReport.<DailyReport>find("countyCode = ?1 and day = ?2", county, day)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElse(null);
        boolean created = report == null;
        if (created) {
            report = new DailyReport();
            report.countyCode = county;
            report.day = day;
            report.late = late;
            report.firstSubmittedAt = now;
        } else {
            DailyReportVersion current = version(report.id, report.currentVersion);
            if (Objects.equals(current.narrative, narrative) && current.zeroReport == body.zeroReport()) {
                return new Submitted(view(report), false);
            }
        }
        report.currentVersion++;
        report.lastChange.record(actor, now);
        report.persist();
        // Two first submissions at once: the second breaks the unique county and day here, a 409
        // constraint-violated (platform), before any version is written.
        em.flush();
        DailyReportVersion version = new DailyReportVersion();
        version.id = new DailyReportVersion.Key(report.id, report.currentVersion);
        version.narrative = narrative;
        version.zeroReport = body.zeroReport();
        version.late = late;
        version.figures = write(figures.current(Optional.of(county), day).get(county));
        version.submittedAt = now;
        version.submittedBy = actor;
        version.submittedByName = caller.actorName();
        version.persist();
        audit.record("DailyReport", county + "/" + day, county, created ? "SUBMIT" : "AMEND", null,
                "version " + report.currentVersion + (body.zeroReport() ? ", zero report" : "") + (late ? ", late" : ""),
                actor);
        return new Submitted(view(report), created);
    }

    /** A county's report of a day with its versions; an officer's own county only (else 404, as for none). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DailyReportView report(String county, LocalDate day) {
        caller.requireCounty(county, "County", county);
        counties.get(county);
        return DailyReport.<DailyReport>find("countyCode = ?1 and day = ?2", county, day).firstResultOptional()
                .map(this::view).orElseThrow(() -> ProblemException.notFound("Daily report", county + "/" + day));
    }

    /** The city's summary of a day, from the stored reports of that day and the day before. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DailySummary summary(LocalDate day) {
        Map<String, DailyReportView> today = reports(day);
        Map<String, DailyReportView> before = reports(day.minusDays(1));
        Map<String, String> names = new HashMap<>();
        counties.list(true).forEach(c -> names.put(c.code, c.nameZh));
        List<DailySummary.Row> rows = new ArrayList<>();
        ReportFigures city = ReportFigures.NONE;
        for (String county : expected(day, today.keySet())) {
            DailyReportView r = today.get(county);
            if (r == null) {
                rows.add(new DailySummary.Row(county, names.get(county), DailySummary.Status.MISSING, null, null, null,
                        null, null, null, null));
                continue;
            }
            DailyReportView previous = before.get(county);
            rows.add(new DailySummary.Row(county, names.get(county),
                    r.late() ? DailySummary.Status.LATE : DailySummary.Status.ON_TIME, r.zeroReport(), r.version(),
                    r.submittedAt(), r.submittedBy(), r.narrative(), r.figures(),
                    previous == null ? null : r.figures().minus(previous.figures())));
            city = city.plus(r.figures());
        }
        ReportFigures cityBefore = before.values().stream().map(DailyReportView::figures)
                .reduce(ReportFigures.NONE, ReportFigures::plus);
        return new DailySummary(day, calendar.cutoff(day), calendar.closes(day), calendar.closed(day), rows.size(),
                today.size(), rows.size() - today.size(), city, city.minus(cityBefore), rows);
    }

    /** Counties expected to report on a day that have not, as far as the caller may see (an officer: their own). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MissingReports missing(LocalDate day) {
        Optional<String> scope = caller.boundCounty();
        List<String> missing = missingCounties(day).stream().filter(c -> scope.map(c::equals).orElse(true)).toList();
        return new MissingReports(day, calendar.cutoff(day), calendar.pastCutoff(day), calendar.closed(day), missing);
    }

    /** Every county expected to report on a day that has not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> missingCounties(LocalDate day) {
        List<String> reported = DailyReport.<DailyReport>list("day", day).stream().map(r -> r.countyCode).toList();
        return expected(day, reported).stream().filter(c -> !reported.contains(c)).toList();
    }

    /**
     * The counties a day expects reports from, by code: those in service, and any that reported.
     * Once the day is closed the list is fixed (the first time it is asked for), so that counties
     * added or retired later leave its summary as it was.
     */
    private List<String> expected(LocalDate day, Collection<String> reported) {
        TreeSet<String> codes = new TreeSet<>(reported);
        counties.list().forEach(c -> codes.add(c.code));
        if (!calendar.closed(day)) {
            return List.copyOf(codes);
        }
        ReportDayClose frozen = ReportDayClose.findById(day);
        if (frozen == null) {
            try {
                frozen = QuarkusTransaction.requiringNew().call(() -> {
                    ReportDayClose close = new ReportDayClose();
                    close.day = day;
                    close.closedAt = calendar.closes(day);
                    close.expectedCounties = String.join(",", codes);
                    close.persist();
                    return close;
                });
            } catch (PersistenceException e) {
                // Fixed at the same moment by another request: read theirs.
                frozen = QuarkusTransaction.requiringNew().call(() -> ReportDayClose.<ReportDayClose>findById(day));
            }
        }
        return frozen.expectedCounties.isEmpty() ? List.of() : Arrays.asList(frozen.expectedCounties.split(","));
    }

    private Map<String, DailyReportView> reports(LocalDate day) {
        Map<String, DailyReportView> byCounty = new HashMap<>();
        for (DailyReport r : DailyReport.<DailyReport>list("day", Sort.by("countyCode"), day)) {
            byCounty.put(r.countyCode, view(r));
        }
        return byCounty;
    }

    private DailyReportVersion version(long reportId, int version) {
        return DailyReportVersion.findById(new DailyReportVersion.Key(reportId, version));
    }

    private DailyReportView view(DailyReport report) {
        List<DailyReportView.Version> versions = DailyReportVersion.<DailyReportVersion>list("id.reportId",
                        Sort.by("id.version"), report.id).stream()
                .map(v -> new DailyReportView.Version(v.id.version, v.narrative, v.zeroReport, v.late, read(v.figures),
                        v.submittedAt, v.submittedBy, v.submittedByName)).toList();
        DailyReportView.Version current = versions.get(versions.size() - 1);
        return new DailyReportView(report.countyCode, report.day, current.version(), current.narrative(),
                current.zeroReport(), report.late, current.figures(), current.submittedAt(), current.submittedBy(),
                calendar.cutoff(report.day), calendar.closes(report.day), calendar.closed(report.day), versions);
    }

    private String write(ReportFigures f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReportFigures read(String text) {
        try {
            return json.readValue(text, ReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report figures unreadable", e);
        }
    }
}
