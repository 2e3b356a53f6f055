package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.freshSlot;
import static org.surgeline.planning.PlanFixtures.skipsIn;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * A trigger condition that persists (the demo city fires every trigger) must not solve a run every
 * slot: a slot is skipped, and recorded as skipped, while a run for the same triggers waits or
 * solves, or when nothing changed since the last one was left unpublished; old unpublished runs
 * lose their stored result.
 */
@QuarkusTest
class RunPileUpTest {

    @Inject
    PlanningSchedule schedule;
    @Inject
    PlanService plans;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Test
    void aSlotIsSkippedWhenNothingChangedSinceTheLastUnpublishedRunForTheSameTriggers() throws Exception {
        approvedRequest("141032", "CRITICAL", List.of(Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 120)));
        Instant first = freshSlot(schedule);
        long run = schedule.checkSlot(first).run().orElseThrow().id;
        assertEquals("DRAFT", solved(run).getString("run.status"), "tests leave rebalancing drafts unpublished");

        Instant second = freshSlot(schedule);
        assertThat(schedule.checkSlot(second).run()).as("same triggers, same state, last draft not published").isEmpty();
        assertEquals(1L, skipsIn(second));
        assertThat(skipOf(second)).contains("UNCHANGED", "run " + run);

        // Anything the planner reads changing (here a team's days off) makes the next slot solve again.
        as(DemoUsers.SCHEDULER).body(Map.of("dates", List.of(LocalDate.now(clock).plusDays(20).toString())))
                .put("/api/teams/TRANSPOR-20/unavailability").then().statusCode(200);
        Instant third = freshSlot(schedule);
        assertThat(schedule.checkSlot(third).run()).as("the state moved").isPresent();
        assertEquals(0L, skipsIn(third));

        String scrape = DemoUsers.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("surgeline_plan_runs_skipped_total{reason=\"unchanged\"}");
    }

    @Test
    void oldUnpublishedRunsLoseTheirResultAndPublishedOnesKeepIt() {
        Instant old = clock.instant().minus(Duration.ofDays(15));
        Instant recent = clock.instant().minus(Duration.ofDays(13));
        // In a transaction that is rolled back: a second PUBLISHED row must never be seen by other tests.
        QuarkusTransaction.begin();
        try {
            long draft = run(PlanStatus.DRAFT, old);
            long failed = run(PlanStatus.FAILED, old);
            long cancelled = run(PlanStatus.CANCELLED, old);
            long superseded = run(PlanStatus.SUPERSEDED, old);
            long published = run(PlanStatus.PUBLISHED, old);
            long recentDraft = run(PlanStatus.DRAFT, recent);
            em.flush();
            plans.purgeResults();
            em.clear();
            assertThat(PlanRun.<PlanRun>findById(draft).result).as("old draft").isNull();
            assertThat(PlanRun.<PlanRun>findById(draft).purgedAt).isNotNull();
            assertThat(PlanRun.<PlanRun>findById(failed).result).as("old failed run").isNull();
            assertThat(PlanRun.<PlanRun>findById(cancelled).result).as("old cancelled run").isNull();
            assertThat(PlanRun.<PlanRun>findById(superseded).result).as("old superseded plan").isNotNull();
            assertThat(PlanRun.<PlanRun>findById(published).result).as("old plan in force").isNotNull();
            assertThat(PlanRun.<PlanRun>findById(recentDraft).result).as("recent draft").isNotNull();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    @Test
    void aDraftWhoseResultWasPurgedIsNotPublished() {
        long draft = QuarkusTransaction.requiringNew().call(() -> run(PlanStatus.DRAFT,
                clock.instant().minus(Duration.ofDays(30))));
        QuarkusTransaction.requiringNew().run(() -> plans.purgeResults());
        as(DemoUsers.SCHEDULER).get("/api/plans/" + draft).then().statusCode(200)
                .body("run.status", equalTo("DRAFT")).body("shipments.size()", equalTo(0));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + draft + "/publish").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/plan-purged"));
    }

    private long run(PlanStatus status, Instant createdAt) {
        PlanRun run = new PlanRun();
        run.status = status;
        run.planDate = LocalDate.now(clock);
        run.horizonDays = 7;
        run.timeLimitSeconds = 1;
        run.reason = "retention test";
        run.createdBy = "test";
        run.createdAt = createdAt;
        run.endedAt = createdAt.plusSeconds(1);
        run.result = new PlanResult(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        run.persist();
        return run.id;
    }

    private String skipOf(Instant slot) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("select rule, reason from plan_skip where slot = ?1")
                    .setParameter(1, slot).getSingleResult();
            return row[0] + " " + row[1];
        });
    }
}
