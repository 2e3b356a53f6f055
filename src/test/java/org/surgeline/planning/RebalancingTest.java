package org.surgeline.planning;

import org.surgeline.ServiceClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.planning.PlanFixtures.TOMORROW;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.queued;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.surgeline.DemoUsers;

/** Triggers on the demo city, scheduled slots taken once, and a rebalance that replaces the plan in force. */
@QuarkusTest
class RebalancingTest {

    @Inject
    PlanningSchedule schedule;
    @Inject
    PlanningMetrics metrics;

    @Test
    void operatorsAndAutoscalersReadThePlanningGauges() {
        metrics.refresh();
        String scrape = DemoUsers.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("surgeline_plan_runs{status=\"queued\"}", "surgeline_plan_runs{status=\"solving\"}",
                "surgeline_plan_published_age_seconds", "surgeline_plan_published_medium_score",
                "surgeline_plan_published_unmet_lines", "surgeline_requests_pending");
        // Hongtong's swabs are below their floor in the demo city, and nothing here restocks them.
        double belowFloor = scrape.lines().filter(l -> l.startsWith("surgeline_stock_below_floor "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
        assertThat(belowFloor).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDemoSurgeFiresItsTriggersAndAnUnplannedCriticalLineToo() {
        // The demo city has a surge in Hongtong (141024): swabs below floor, isolation full, a lab overloaded.
        // A CRITICAL line of its own makes this set of triggers new, so a run is queued whatever ran before.
        approvedRequest("141030", "CRITICAL", List.of(Map.of("kind", "SUPPLY", "item", "SWAB", "quantity", 700)));
        JsonPath check = as(DemoUsers.SCHEDULER).post("/api/plans/rebalance").then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/plans/"))
                .body("run.kind", equalTo("REBALANCE"))
                .body("run.status", equalTo("QUEUED"))
                .extract().jsonPath();
        assertThat(check.getList("triggers.collect { it.kind + ' ' + it.subject }", String.class)).contains(
                "DEPOT_BELOW_FLOOR WH-141024/SWAB", "ISOLATION_NEARLY_FULL 141024", "LAB_OVERLOADED LAB-141024-1");
        assertThat(check.getString("run.reason")).contains("WH-141024/SWAB");

        long critical = approvedRequest("141029", "CRITICAL", List.of(
                Map.of("kind", "SUPPLY", "item", "GOGGLES", "quantity", 200)));
        as(DemoUsers.ADMIN).post("/api/plans/rebalance").then()
                .statusCode(202)
                .body("triggers.subject", hasItem("request " + critical + " line 1"));

        as(DemoUsers.WAREHOUSE).post("/api/plans/rebalance").then().statusCode(403);
        as(officerOf("141024")).post("/api/plans/rebalance").then().statusCode(403);
    }

    @Test
    void eachSlotIsTakenOnceHoweverOftenAndHoweverConcurrentlyItFires() throws Exception {
        // A CRITICAL line of its own, so that no run for the same triggers is waiting already.
        approvedRequest("141031", "CRITICAL", List.of(Map.of("kind", "SUPPLY", "item", "GOGGLES", "quantity", 150)));
        Instant slot = PlanFixtures.freshSlot(schedule);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<PlanningSchedule.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<PlanningSchedule.Outcome> check = () -> {
                start.await();
                return schedule.checkSlot(slot);
            };
            outcomes.add(pool.submit(check));
        }
        start.countDown();
        int queued = 0;
        for (Future<PlanningSchedule.Outcome> outcome : outcomes) {
            queued += outcome.get().run().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, queued, "one of four racing checks of a slot queues a run");
        assertThat(schedule.checkSlot(slot).run()).as("the same slot again").isEmpty();
        assertThat(schedule.checkSlot(slot.minusSeconds(1))).as("an earlier slot").satisfies(o -> assertThat(o.run()).isEmpty());
        assertEquals(1L, runsIn(PlanKind.REBALANCE, slot));

        // The next slot, while that run still waits or solves: the same triggers would only queue
        // the same work again. Whichever replica takes the slot records it as skipped, once.
        Instant next = slot.plus(PlanFixtures.interval());
        CountDownLatch again = new CountDownLatch(1);
        List<Future<PlanningSchedule.Outcome>> nextOutcomes = new ArrayList<>();
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            nextOutcomes.add(replicas.submit(() -> {
                again.await();
                return schedule.checkSlot(next);
            }));
        }
        again.countDown();
        int queuedNext = 0;
        for (Future<PlanningSchedule.Outcome> outcome : nextOutcomes) {
            queuedNext += outcome.get().run().isPresent() ? 1 : 0;
        }
        replicas.shutdown();
        assertEquals(0, queuedNext, "no run while one for the same triggers is queued or solving");
        assertEquals(0L, runsIn(PlanKind.REBALANCE, next));
        assertEquals(1L, PlanFixtures.skipsIn(next), "the skipped slot is recorded once");

        Instant night = slot.plus(1, ChronoUnit.DAYS);
        assertThat(schedule.queueNightly(night)).isPresent();
        assertThat(schedule.queueNightly(night)).isEmpty();
        assertEquals(1L, runsIn(PlanKind.NIGHTLY, night));
    }

    @Test
    void aRunWhoseLeasePassedIsSolvedAgainUntilItHasBeenClaimedTooOften() throws Exception {
        long orphan = orphanedRun(1);
        long hopeless = orphanedRun(3);
        JsonPath reclaimed = solved(orphan);
        assertEquals("DRAFT", reclaimed.getString("run.status"));
        assertEquals(2, reclaimed.getInt("run.attempts"));
        JsonPath givenUp = solved(hopeless);
        assertEquals("FAILED", givenUp.getString("run.status"));
        assertEquals("given-up", givenUp.getString("run.errorCode"));
        assertThat(givenUp.getString("run.error")).contains("Given up after 3 claims").doesNotContain("a-dead-pod");
    }

    /** A run left SOLVING by an instance that died, its lease passed a minute ago. */
    private static long orphanedRun(int attempts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanRun run = new PlanRun();
            run.status = PlanStatus.SOLVING;
            run.planDate = ServiceClock.today();
            run.horizonDays = 7;
            run.timeLimitSeconds = 1;
            run.reason = "MANUAL";
            run.createdBy = "test";
            run.createdAt = Instant.now().minusSeconds(120);
            run.startedAt = run.createdAt;
            run.claimedBy = "1@a-dead-pod";
            run.attempts = attempts;
            run.leaseUntil = Instant.now().minusSeconds(60);
            run.persist();
            return run.id;
        });
    }

    private static long runsIn(PlanKind kind, Instant slot) {
        return QuarkusTransaction.requiringNew().call(() -> PlanRun.count("kind = ?1 and slot = ?2", kind, slot));
    }

    @Test
    void aRebalanceKeepsThePlanInForceAndReplacesItWhenPublished() throws Exception {
        long routine = approvedRequest("141026", "ROUTINE", List.of(
                Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 3_000),
                Map.of("kind", "TEAM", "skill", "DISINFECTION", "quantity", 1, "fromDate", TOMORROW, "days", 2)));
        long first = queued(3);
        assertEquals("DRAFT", solved(first).getString("run.status"));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + first + "/publish").then().statusCode(200);

        List<Map<String, Object>> shipped = as(DemoUsers.ADMIN).queryParam("request", routine)
                .queryParam("size", 500).get("/api/shipments").jsonPath().getList("items");
        assertThat(shipped).isNotEmpty().allSatisfy(s -> assertThat(s.get("planId")).isEqualTo((int) first));
        long dispatched = ((Number) shipped.get(0).get("id")).longValue();
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + dispatched + "/dispatch").then().statusCode(200);

        long critical = approvedRequest("141029", "CRITICAL", List.of(
                Map.of("kind", "SUPPLY", "item", "SUIT-PROT", "quantity", 500)));
        long rebalance = as(DemoUsers.SCHEDULER).post("/api/plans/rebalance").then()
                .statusCode(202)
                .body("triggers.subject", hasItem("request " + critical + " line 1"))
                .extract().jsonPath().getLong("run.id");
        long stale = queued(2);
        JsonPath draft = solved(rebalance);
        assertEquals("DRAFT", draft.getString("run.status"), draft.prettify());
        assertEquals(first, draft.getLong("run.basePlanId"));
        assertNotNull(draft.get("run.changedAssignments"));
        HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(draft.getString("run.score"));
        HardMediumSoftLongScore baseline = HardMediumSoftLongScore.parseScore(draft.getString("run.baselineScore"));
        assertThat(score.mediumScore()).as("no worse than keeping the plan in force").isGreaterThanOrEqualTo(baseline.mediumScore());
        assertEquals(500L, draft.<Integer>getList("shipments.findAll { it.requestId == " + critical + " }.quantity")
                .stream().mapToLong(Integer::longValue).sum(), "the new critical line is met");
        long replanned = draft.<Integer>getList("shipments.findAll { it.requestId == " + routine + " }.quantity")
                .stream().mapToLong(Integer::longValue).sum();
        long alreadyOnItsWay = ((Number) shipped.get(0).get("quantity")).longValue();
        assertEquals(3_000L - alreadyOnItsWay, replanned, "what is dispatched stays; the rest is planned again");

        assertEquals("DRAFT", solved(stale).getString("run.status"));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + rebalance + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));
        as(DemoUsers.SCHEDULER).get("/api/plans/" + first + "/status").then().body("status", equalTo("SUPERSEDED"));
        as(DemoUsers.ADMIN).get("/api/shipments/" + dispatched).then().body("state", equalTo("DISPATCHED"));
        List<Map<String, Object>> after = as(DemoUsers.ADMIN).queryParam("request", routine)
                .queryParam("size", 500).get("/api/shipments").jsonPath().getList("items");
        assertThat(after).filteredOn(s -> ((Number) s.get("id")).longValue() != dispatched).allSatisfy(s -> {
            if (s.get("planId").equals((int) first)) {
                assertThat(s.get("state")).as("the first plan's undispatched shipments are called off").isEqualTo("CANCELLED");
            } else {
                assertThat(s.get("planId")).isEqualTo((int) rebalance);
                assertThat(s.get("state")).isEqualTo("PLANNED");
            }
        });
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + routine).then()
                .body("lines[0].quantityPlanned", equalTo(3_000))
                .body("lines[1].quantityPlanned", equalTo(1));

        // A draft solved from the plan that was in force when it started is stale once another is published.
        as(DemoUsers.SCHEDULER).post("/api/plans/" + stale + "/publish").then()
                .statusCode(409).body("type", equalTo("https://surgeline.org/problems/stale-plan"));
        as(DemoUsers.SCHEDULER).get("/api/plans/" + rebalance + "/status").then().body("status", equalTo("PUBLISHED"));
        as(DemoUsers.SCHEDULER).queryParam("status", "PUBLISHED").get("/api/plans").then()
                .body("items.id", hasItems((int) rebalance)).body("total", equalTo(1));
    }
}
