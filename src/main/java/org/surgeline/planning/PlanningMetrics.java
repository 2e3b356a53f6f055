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
import org.jboss.logging.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.surgeline.request.RequestService;
import org.surgeline.stock.LedgerService;

/**
 * Gauges for operators and autoscalers at {@code /q/metrics}. They are read from the database
 * every {@code surgeline.planning.metrics-refresh} rather than on each scrape, so a scrape never
 * waits on the database; every replica reports the same figures. The stock and request figures
 * come from their contexts' services; they are refreshed here, with the plan figures, so that the
 * autoscaler reads one consistent set.
 */
@ApplicationScoped
public class PlanningMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    LedgerService ledger;
    @Inject
    RequestService requests;
    @Inject
    PlanRuns runs;
    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(PlanningMetrics.class);

    /**
     * NaN only until first read. With no plan in force the plan's age is +Inf (an age alert fires,
     * as it should when no plan was ever published), its score and unmet lines 0, and
     * {@code published} 0.
     */
    record Figures(double queued, double solving, double published, double publishedAgeSeconds,
            double publishedMedium, double unmetLines, double depotsBelowFloor, double pendingRequests) {
        static final Figures UNKNOWN = new Figures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN);
    }

    private final AtomicReference<Figures> figures = new AtomicReference<>(Figures.UNKNOWN);
    /** When the figures were last read (this JVM's monotonic clock); a failing refresh shows as a growing age. */
    private volatile long refreshedNanos = System.nanoTime();
    private volatile UnmetLines unmetLines;

    private record UnmetLines(long planId, long lines) {
    }

    void register(@Observes StartupEvent start) {
        gauge("surgeline.plan.runs", "Plan runs waiting to be solved", "status", "queued", Figures::queued);
        gauge("surgeline.plan.runs", "Plan runs being solved", "status", "solving", Figures::solving);
        gauge("surgeline.plan.published", "1 while a plan is in force, 0 if none was ever published", null, null,
                Figures::published);
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
        for (PlanKind kind : PlanKind.values()) {
            for (String outcome : List.of("draft", "failed", "cancelled", "given-up", "dropped")) {
                Counter.builder("surgeline.plan.runs.ended").tag("kind", kind.name().toLowerCase()).tag("outcome", outcome)
                        .description("Plan runs ended here, by how they ended").register(registry);
            }
        }
        for (String step : List.of("snapshot", "store")) {
            Counter.builder("surgeline.plan.store.retries").tag("step", step)
                    .description("Retries of a run's database work while the database was away").register(registry);
        }
        Counter.builder("surgeline.plan.metrics.refresh.failures")
                .description("Refreshes of the planning gauges that failed (the figures then grow stale)")
                .register(registry);
        Gauge.builder("surgeline.plan.metrics.age.seconds", this,
                        m -> (System.nanoTime() - m.refreshedNanos) / 1e9)
                .description("Seconds since the planning gauges were last read from the database").register(registry);
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

    @Scheduled(every = "${surgeline.planning.metrics-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            figures.set(QuarkusTransaction.requiringNew().call(this::read));
            refreshedNanos = System.nanoTime();
        } catch (RuntimeException e) {
            registry.counter("surgeline.plan.metrics.refresh.failures").increment();
            LOG.warnf("Planning gauges not refreshed, they keep figures %d s old: %s",
                    (System.nanoTime() - refreshedNanos) / 1_000_000_000L, e.toString());
        }
    }

    /** The published plan's unmet lines, read from its result once per published plan, not per refresh. */
    private double unmetLines(PlanRun published) {
        UnmetLines known = unmetLines;
        if (known == null || known.planId() != published.id) {
            known = new UnmetLines(published.id, Optional.ofNullable(published.result)
                    .map(r -> r.unmet().stream().map(PlanResult.Unmet::lineId).distinct().count()).orElse(0L));
            unmetLines = known;
        }
        return known.lines();
    }

    Figures read() {
        Optional<PlanRun> published = runs.inForce();
        double age = published.map(p -> (double) Duration.between(p.publishedAt, clock.instant()).toSeconds())
                .orElse(Double.POSITIVE_INFINITY);
        double medium = published.map(p -> p.score).map(HardMediumSoftLongScore::parseScore)
                .map(s -> (double) s.mediumScore()).orElse(0.0);
        double unmet = published.map(this::unmetLines).orElse(0.0);
        // A run whose lease passed is not being solved: its instance is gone, and it waits for a claim.
        Instant now = runs.databaseNow();
        long solving = runs.solving(now);
        long waiting = runs.waiting(now);
        return new Figures(waiting, solving, published.isPresent() ? 1 : 0,
                age, medium, unmet, ledger.belowFloorCount(), requests.pendingCount());
    }
}
