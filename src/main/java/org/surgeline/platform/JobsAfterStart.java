package org.surgeline.platform;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/**
 * Scheduled jobs begin once the HTTP server listens, not while the service starts: their first
 * queries (the queued-run poll, the gauges, the trigger check) made Hibernate parse its first HQL
 * on the two cores the start needs, about half of a start's CPU samples (docs/benchmarks.md).
 * {@code quarkus.scheduler.start-mode=halted} holds them until then; each job then runs its first
 * tick at once.
 */
@ApplicationScoped
public class JobsAfterStart {

    @Inject
    Scheduler scheduler;

    void onListening(@ObservesAsync HttpServerStart listening) {
        scheduler.resume();
    }
}
