package org.surgeline.planning;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.request.LineKind;

/** Polling a run, or listing runs, never reads the stored plan, which can be megabytes. */
@QuarkusTest
class PlanStatusTest {

    @Inject
    PlanService plans;

    @Test
    void readingARunLeavesItsResultUnloaded() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            PlanRun run = new PlanRun();
            run.status = PlanStatus.FAILED;
            run.planDate = LocalDate.of(2026, 12, 1);
            run.horizonDays = 7;
            run.timeLimitSeconds = 1;
            run.reason = "MANUAL";
            run.createdBy = "test";
            run.createdAt = Instant.now();
            run.result = new PlanResult(List.of(), List.of(), List.of(), List.of(), List.of(new PlanResult.Unmet(1, 1, 1,
                    "141002", LineKind.SUPPLY, "x".repeat(100_000), 1)), List.of(), List.of());
            run.coverage = List.of();
            run.persist();
            return run.id;
        });
        QuarkusTransaction.requiringNew().run(() -> {
            PlanRun run = plans.get(id);
            assertFalse(Hibernate.isPropertyInitialized(run, "result"), "result loaded");
            assertFalse(Hibernate.isPropertyInitialized(run, "coverage"), "coverage loaded");
        });
        DemoUsers.as(DemoUsers.SCHEDULER).get("/api/plans/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("FAILED"));
    }
}
