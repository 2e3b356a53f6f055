package org.surgeline.planning;

import java.time.Instant;
import org.surgeline.ServiceClock;

/** Plan runs written straight into the table, for tests that need a run in a given state without solving one. */
public final class PlanRows {

    private PlanRows() {
    }

    /** A manual run for today (7 days, 1 s), not yet persisted: the test sets what it needs, then persists it. */
    public static PlanRun manual(PlanStatus status) {
        PlanRun run = new PlanRun();
        run.status = status;
        run.planDate = ServiceClock.today();
        run.horizonDays = 7;
        run.timeLimitSeconds = 1;
        run.reason = "MANUAL";
        run.createdBy = "test";
        run.createdAt = Instant.now();
        return run;
    }
}
