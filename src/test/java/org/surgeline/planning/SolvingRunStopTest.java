package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.queued;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * A run solving here, asked to stop, stops because it was asked. Its own profile: the test profile
 * ends every solve after a second without improvement, which would end this one by itself and
 * leave the stop unproven.
 */
@QuarkusTest
@TestProfile(SolvingRunStopTest.WholeTimeLimit.class)
class SolvingRunStopTest {

    /** Solves run until their time limit or a stop, as in production. */
    public static class WholeTimeLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.optaplanner.solver.termination.unimproved-spent-limit", "1h");
        }
    }

    @Test
    void aSolvingRunAskedToStopStopsAtTheNextPollAndKeepsItsBestPlan() {
        // Demand to plan, so that the solve would take its whole time limit.
        approvedRequest("141032", "URGENT", List.of(Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 120)));
        long run = queued(60);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> "SOLVING".equals(
                DemoUsers.as(DemoUsers.SCHEDULER).get("/api/plans/" + run + "/status").jsonPath().getString("status")));
        Instant asked = Instant.now();
        DemoUsers.as(DemoUsers.SCHEDULER).delete("/api/plans/" + run).then().statusCode(200)
                .body("status", equalTo("SOLVING"));
        JsonPath done = solved(run);
        assertEquals("DRAFT", done.getString("run.status"), "stopped early, its best plan kept");
        assertThat(Duration.between(asked, Instant.now())).as("stopped at the next poll, not at the time limit")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(QuarkusTransaction.requiringNew().call(() -> PlanRun.<PlanRun>findById(run).stopRequested)).isTrue();
        DemoUsers.as(DemoUsers.SCHEDULER).delete("/api/plans/" + run).then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/plan-not-running"));
    }
}
