package org.surgeline.planning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.surgeline.request.AllocationRequest;
import org.surgeline.request.RequestStatus;

/**
 * Gauges for operators and autoscalers at {@code /q/metrics}. They are read from the database
 * every {@code surgeline.planning.metrics-refresh} rather than on each scrape, so a scrape never
 * waits on the database; every replica reports the same figures.
 */
@ApplicationScoped
public class PlanningMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    RebalancingTriggers triggers;
    @Inject
    PlanService plans;
    @Inject
    Clock clock;

    /** NaN until first read, and where there is nothing to report (no published plan). */
    record Figures(double queued, double solving, double publishedAgeSeconds, double publishedMedium,
            double unmetLines, double depotsBelowFloor, double pendingRequests) {
        static final Figures UNKNOWN = new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

    private final AtomicReference<Figures> figures = new AtomicReference<>(Figures.UNKNOWN);
    private volatile UnmetLines unmetLines;

    private record UnmetLines(long planId, long lines) {
    }

    void register(@Observes StartupEvent start) {
        gauge("surgeline.plan.runs", "Plan runs waiting to be solved", "status", "queued", Figures::queued);
        gauge("surgeline.plan.runs", "Plan runs being solved", "status", "solving", Figures::solving);
        gauge("surgeline.plan.published.age.seconds", "Seconds since the plan in force was published", null, null,
                Figures::publishedAgeSeconds);
        gauge("surgeline.plan.published.medium.score", "Medium score of the plan in force (weighted unmet demand)",
                null, null, Figures::publishedMedium);
        gauge("surgeline.plan.published.unmet.lines", "Request lines the plan in force leaves (partly) unmet", null,
                null, Figures::unmetLines);
        gauge("surgeline.stock.below.floor", "Depot-items whose available stock is below the reserve floor", null,
                null, Figures::depotsBelowFloor);
        for (String reason : List.of("already-queued", "unchanged")) {
            Counter.builder("surgeline.plan.runs.skipped").tag("reason", reason)
                    .description("Rebalancing runs not queued because they would repeat another run").register(registry);
        }
        // Failures live in the database (the run's error); the counter is what an alert can see.
        // Per replica, unlike the gauges: an alert sums it.
        Counter.builder(PlanSolver.FAILED_RUNS).description("Plan runs that ended FAILED (the run's error says why)")
                .register(registry);
        gauge("surgeline.requests.pending", "Allocation requests submitted or approved and not yet planned", null,
                null, Figures::pendingRequests);
    }

    private void gauge(String name, String help, String tagKey, String tagValue,
            ToDoubleFunction<Figures> value) {
        Gauge.Builder<AtomicReference<Figures>> builder = Gauge.builder(name, figures, f -> value.applyAsDouble(f.get()))
                .description(help);
        if (tagKey != null) {
            builder.tag(tagKey, tagValue);
        }
        builder.register(registry);
    }

    @Scheduled(every = "${surgeline.planning.metrics-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        figures.set(QuarkusTransaction.requiringNew().call(this::read));
    }

    /** The published plan's unmet lines, read from its result once per published plan, not per refresh. */
    private double unmetLines(PlanRun published) {
        UnmetLines known = unmetLines;
        if (known == null || known.planId() != published.id) {
            known = new UnmetLines(published.id, plans.result(published)
                    .map(r -> r.unmet().stream().map(PlanResult.Unmet::lineId).distinct().count()).orElse(0L));
            unmetLines = known;
        }
        return known.lines();
    }

    private Figures read() {
        Optional<PlanRun> published = PlanService.inForce();
        double age = published.map(p -> (double) Duration.between(p.publishedAt, clock.instant()).toSeconds())
                .orElse(Double.NaN);
        double medium = published.map(p -> p.score).map(HardMediumSoftLongScore::parseScore)
                .map(s -> (double) s.mediumScore()).orElse(Double.NaN);
        double unmet = published.map(this::unmetLines).orElse(Double.NaN);
        double belowFloor = triggers.depotItems().stream()
                .filter(d -> d.reserveFloor() > 0 && d.available() < d.reserveFloor()).count();
        return new Figures(PlanRun.count("status", PlanStatus.QUEUED), PlanRun.count("status", PlanStatus.SOLVING),
                age, medium, unmet, belowFloor,
                AllocationRequest.count("status in ?1", List.of(RequestStatus.SUBMITTED, RequestStatus.APPROVED)));
    }
}
