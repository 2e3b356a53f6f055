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
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.WholeTimeLimit;

/**
 * Runs that solve for their whole time limit: one asked to stop stops because it was asked, and one
 * shows its best score while it solves. Their own profile: the test profile ends every solve after a
 * second without improvement, which would end these by themselves and prove nothing.
 */
@QuarkusTest
@TestProfile(WholeTimeLimit.class)
class SolvingRunStopTest {

    @Test
    void aSolvingRunShowsItsBestScoreBeforeItEnds() {
        approvedRequest("141025", "URGENT", List.of(Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 200)));
        long run = queued(60);
        JsonPath solving = await("a best score while solving").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> DemoUsers.as(DemoUsers.SCHEDULER).get("/api/plans/" + run + "/status").jsonPath(),
                        status -> status.getString("status").equals("SOLVING") && status.get("bestScore") != null);
        assertThat(solving.getString("bestScore")).as(solving.prettify()).matches("(-\\d+init/)?-?\\d+hard/-?\\d+medium/-?\\d+soft");
        assertThat(Instant.parse(solving.getString("bestScoreAt"))).isAfterOrEqualTo(
                Instant.parse(solving.getString("startedAt")).minusSeconds(1));
        assertThat(solving.getString("score")).as("the final score only once solved").isNull();

        DemoUsers.as(DemoUsers.SCHEDULER).delete("/api/plans/" + run).then().statusCode(200);
        JsonPath draft = solved(run);
        assertEquals("DRAFT", draft.getString("run.status"));
        assertEquals(draft.getString("run.score"), draft.getString("run.bestScore"), "once solved, the final score");
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
