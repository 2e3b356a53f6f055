package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.planning.PlanFixtures.queued;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * A failed run tells its readers a stable code and a sentence; the exception behind it (which can
 * carry SQL or stored data) stays in the log. Which instance solved a run is for admins only.
 */
@QuarkusTest
class PlanFailureTest {

    @Test
    void aRunThatFailsShowsACodeAndASentenceNeverTheException() throws Exception {
        List<Long> inForce = QuarkusTransaction.requiringNew().call(() -> PlanRun.<PlanRun>list("status",
                PlanStatus.PUBLISHED).stream().map(r -> r.id).toList());
        long unreadable = QuarkusTransaction.requiringNew().call(() -> {
            PlanRun.update("status = ?1 where id in ?2", PlanStatus.SUPERSEDED, inForce.isEmpty() ? List.of(-1L) : inForce);
            PlanRun run = PlanRows.manual(PlanStatus.PUBLISHED);
            run.publishedAt = Instant.now();
            run.publishedBy = "test";
            run.persist();
            // Stored as it is, past the JSON mapping: a result no reader can parse.
            PlanRun.getEntityManager().flush();
            PlanRun.getEntityManager().createNativeQuery("update plan_run set result = 'select secret from accounts' "
                    + "where id = ?1").setParameter(1, run.id).executeUpdate();
            return run.id;
        });
        try {
            long plan = queued(1);
            JsonPath failed = solved(plan);
            assertEquals("FAILED", failed.getString("run.status"));
            assertEquals("solver-error", failed.getString("run.errorCode"));
            assertThat(failed.getString("run.error")).contains("incident")
                    .doesNotContain("select").doesNotContain("Unreadable").doesNotContain("Exception");
            as(DemoUsers.WAREHOUSE).get("/api/plans/" + plan + "/status").then().body("claimedBy", nullValue());
            as(DemoUsers.SCHEDULER).get("/api/plans/" + plan + "/status").then().body("claimedBy", nullValue());
            as(DemoUsers.ADMIN).get("/api/plans/" + plan + "/status").then().body("claimedBy", notNullValue());
            as(DemoUsers.SCHEDULER).queryParam("status", "FAILED").get("/api/plans").then()
                    .body("items.claimedBy.findAll { it != null }", org.hamcrest.Matchers.empty());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                PlanRun.update("status = ?1 where id = ?2", PlanStatus.SUPERSEDED, unreadable);
                if (!inForce.isEmpty()) {
                    PlanRun.update("status = ?1 where id in ?2", PlanStatus.PUBLISHED, inForce);
                }
            });
        }
    }
}
