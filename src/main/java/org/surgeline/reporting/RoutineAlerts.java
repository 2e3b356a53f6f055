package org.surgeline.reporting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.surgeline.platform.CallerContext;
import org.surgeline.region.CountyService;

/**
 * The daily routine's alerts, and their gauges at {@code /q/metrics}: reports missing for the
 * latest day whose cutoff has passed ({@code surgeline_reports_missing}), overdue problems
 * ({@code surgeline_problems_overdue}), counties with a gap in the duty roster ahead
 * ({@code surgeline_duty_gaps}). The gauges are read from the database every
 * {@code surgeline.reporting.metrics-refresh}, so a scrape never waits on it and every replica
 * reports the same figures.
 */
@ApplicationScoped
public class RoutineAlerts {

    private static final Logger LOG = Logger.getLogger(RoutineAlerts.class);

    @Inject
    DailyReportService reports;
    @Inject
    ProblemService problems;
    @Inject
    DutyService duty;
    @Inject
    ReportCalendar calendar;
    @Inject
    CallerContext caller;
    @Inject
    MeterRegistry registry;
    @Inject
    CountyService counties;

    record Figures(double reportsMissing, double problemsOverdue, double dutyGaps) {
    }

    private final AtomicReference<Figures> figures = new AtomicReference<>(new Figures(Double.NaN, Double.NaN,
            Double.NaN));

    void register(@Observes StartupEvent start) {
        Gauge.builder("surgeline.reports.missing", figures, f -> f.get().reportsMissing())
                .description("Counties without a daily report for the latest day whose cutoff has passed")
                .register(registry);
        Gauge.builder("surgeline.problems.overdue", figures, f -> f.get().problemsOverdue())
                .description("Problems open or in progress past their deadline").register(registry);
        Gauge.builder("surgeline.duty.gaps", figures, f -> f.get().dutyGaps())
                .description("Counties with nobody on duty at some time in the next 48 hours").register(registry);
    }

    @Scheduled(every = "${surgeline.reporting.metrics-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            figures.set(QuarkusTransaction.requiringNew().call(() -> new Figures(
                    reports.missingCounties(calendar.latestDue()).size(), problems.overdueCount(),
                    duty.gaps(Optional.empty()).stream().map(DutyView.Gap::county).distinct().count())));
        } catch (RuntimeException e) {
            LOG.warnf("Reporting gauges not refreshed: %s", e.toString());
        }
    }

    /**
     * Every alert now, of one county or all (an officer: their own; another is a 404): missing
     * reports of the latest day whose cutoff has passed, overdue problems, duty gaps ahead.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoutineAlert> alerts(Optional<String> askedCounty) {
        Optional<String> county = caller.readScope(askedCounty.orElse(null));
        county.ifPresent(counties::get);
        List<RoutineAlert> alerts = new ArrayList<>();
        LocalDate due = calendar.latestDue();
        for (String missing : reports.missingCounties(due)) {
            if (county.map(missing::equals).orElse(true)) {
                alerts.add(new RoutineAlert(RoutineAlert.Kind.MISSING_REPORT, missing, "no daily report for " + due
                        + " after its cutoff " + calendar.cutoff(due), due, null, null, null));
            }
        }
        for (ProblemView p : problems.overdue(county)) {
            alerts.add(new RoutineAlert(RoutineAlert.Kind.OVERDUE_PROBLEM, p.county(), p.category() + " problem "
                    + p.id() + " " + p.status() + ", deadline " + p.deadline() + " (owner " + p.owner().name() + ")",
                    null, p.id(), null, p.deadline()));
        }
        for (DutyView.Gap gap : duty.gaps(county)) {
            alerts.add(new RoutineAlert(RoutineAlert.Kind.DUTY_GAP, gap.county(), "nobody on duty from " + gap.from()
                    + " to " + gap.to(), null, null, gap.from(), gap.to()));
        }
        return alerts;
    }
}
