package org.surgeline.platform;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scheduled jobs begin {@code surgeline.jobs.start-delay} after the HTTP server listens, not while
 * the service starts: their first queries (the queued-run poll, the gauges, the trigger check)
 * made Hibernate parse its first HQL on the two cores the start and the first readiness check
 * need, about half of a start's CPU samples (docs/benchmarks.md). {@code
 * quarkus.scheduler.start-mode=halted} holds them until then; each job then runs its first tick at once.
 */
@ApplicationScoped
public class JobsAfterStart {

    @Inject
    Scheduler scheduler;
    @ConfigProperty(name = "surgeline.jobs.start-delay", defaultValue = "5s")
    Duration delay;

    void onListening(@ObservesAsync HttpServerStart listening) {
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(scheduler::resume);
    }
}
