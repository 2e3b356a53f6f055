package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.queued;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** One caller cannot flood the planner queue, and scheduled runs do not wait behind manual ones. */
@QuarkusTest
class PlanQueueFloodingTest {

    @Inject
    PlanningConfig config;

    @Test
    void aCallerQueuesOnlySoManyRunsAtOnce() throws Exception {
        awaitNoUnfinishedRunsOf(DemoUsers.ADMIN);
        int cap = config.maxQueuedPerCaller();
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < cap; i++) {
            mine.add(as(DemoUsers.ADMIN).body(Map.of("timeLimitSeconds", 5)).post("/api/plans").then()
                    .statusCode(202).extract().jsonPath().getLong("id"));
        }
        as(DemoUsers.ADMIN).body(Map.of("timeLimitSeconds", 5)).post("/api/plans").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://surgeline.org/problems/too-many-runs"))
                .body("limit", equalTo(cap));
        // Another caller is not held back by this one's runs.
        long other = queued(1);
        mine.forEach(id -> as(DemoUsers.ADMIN).delete("/api/plans/" + id));
        for (long id : mine) {
            solved(id);
        }
        as(DemoUsers.ADMIN).body(Map.of("timeLimitSeconds", 1)).post("/api/plans").then().statusCode(202);
        solved(other);
    }

    @Test
    void aRebalanceAskedForWhileOneForTheSameTriggersWaitsQueuesNothing() {
        approvedRequest("141033", "CRITICAL", List.of(Map.of("kind", "SUPPLY", "item", "GLOVE-NITR", "quantity", 300)));
        long run = as(DemoUsers.SCHEDULER).post("/api/plans/rebalance").then()
                .statusCode(202).extract().jsonPath().getLong("run.id");
        as(DemoUsers.ADMIN).post("/api/plans/rebalance").then()
                .statusCode(200)
                .body("run", nullValue())
                .body("skipped.rule", equalTo("ALREADY_QUEUED"))
                .body("skipped.runId", equalTo((int) run));
    }

    @Test
    void scheduledRunsGoAheadOfManualOnes() throws Exception {
        approvedRequest("141034", "CRITICAL", List.of(Map.of("kind", "SUPPLY", "item", "GOGGLES", "quantity", 90)));
        long first = queued(4);
        long manual = queued(1);
        long rebalance = as(DemoUsers.SCHEDULER).post("/api/plans/rebalance").then()
                .statusCode(202).extract().jsonPath().getLong("run.id");
        Instant manualStarted = Instant.parse(solved(manual).getString("run.startedAt"));
        Instant rebalanceStarted = Instant.parse(solved(rebalance).getString("run.startedAt"));
        solved(first);
        assertThat(rebalanceStarted).as("the rebalance, queued last, is solved before the manual run queued before it")
                .isBefore(manualStarted);
    }

    @Test
    void theTimeLimitIsCappedByConfiguration() {
        int max = config.maxTimeLimitSeconds();
        assertEquals(300, max, "the default maximum");
        as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", max + 1)).post("/api/plans").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timeLimitSeconds"));
        as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", 3600)).post("/api/plans").then().statusCode(400);
    }

    private static void awaitNoUnfinishedRunsOf(String user) {
        await(user + " has no unfinished runs").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> List.of("QUEUED", "SOLVING").stream().mapToInt(status -> JsonPath.from(as(DemoUsers.ADMIN)
                        .queryParam("status", status).get("/api/plans").asString())
                        .getList("items.findAll { it.createdBy == '" + user + "' }").size()).sum() == 0);
    }
}
