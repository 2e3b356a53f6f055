package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.queued;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.MovableClock;
import org.surgeline.ServiceClock;

/**
 * The edges of the run queue (issue 23): a night no planner was up at the hour, a stop for a run
 * whose instance died, a replica whose clock runs ahead, a run queued one day and solved the next,
 * the database going away while a result is stored, and what the gauges say with no plan in force.
 */
@QuarkusTest
class PlanRunEdgesTest {

    @Inject
    PlanningSchedule schedule;
    @Inject
    PlanningMetrics metrics;
    @Inject
    PlanningConfig config;
    @Inject
    MovableClock clock;
    @Inject
    RebalancingTriggers triggers;

    @Test
    void aCriticalLineNoRunCanPlanDoesNotTrigger() {
        TriggerFacts before = QuarkusTransaction.requiringNew().call(triggers::facts);
        TriggerFacts.CountyBeds roomy = before.counties().stream()
                .max(java.util.Comparator.comparingLong(TriggerFacts.CountyBeds::freeBeds)).orElseThrow();
        assertThat(roomy.freeBeds()).isPositive();
        String beyondHorizon = ServiceClock.today().plusDays(config.horizonDays() + 1).toString();
        long far = approvedRequest("141032", "CRITICAL", List.of(Map.of("kind", "TEAM", "skill", "DISINFECTION",
                "quantity", 1, "fromDate", beyondHorizon, "days", 2)));
        long own = approvedRequest(roomy.county(), "CRITICAL", List.of(Map.of("kind", "ISOLATION_BEDS",
                "quantity", 1, "fromDate", ServiceClock.today().toString(), "days", 1)));
        TriggerFacts after = QuarkusTransaction.requiringNew().call(triggers::facts);
        assertThat(after.criticalLines()).as("beyond the horizon: no run makes an entity for it")
                .noneMatch(l -> l.requestId() == far);
        assertThat(after.criticalLines()).as("the county's own free beds take it without a plan")
                .noneMatch(l -> l.requestId() == own);
    }

    @Test
    void aMissedNightlyIsQueuedOnceOnTheDayItWasMissed() {
        ZoneId zone = ZoneId.of(config.nightly().timeZone());
        // A day after every nightly slot taken so far (the job only moves forward).
        Instant taken = lastSlot("NIGHTLY");
        LocalDate day = taken == null ? LocalDate.now(zone) : taken.atZone(zone).toLocalDate().plusDays(1);
        Instant twoAm = day.atTime(2, 0).atZone(zone).toInstant();

        assertThat(schedule.catchUpNightly(day.atTime(1, 30).atZone(zone).toInstant()))
                .as("before the hour there is nothing to catch up").isEmpty();
        PlanRun run = schedule.catchUpNightly(day.atTime(10, 15).atZone(zone).toInstant()).orElseThrow();
        assertEquals(PlanKind.NIGHTLY, run.kind);
        assertEquals(twoAm, run.slot, "the slot the cron would have fired");
        assertThat(schedule.catchUpNightly(day.atTime(10, 20).atZone(zone).toInstant())).as("once").isEmpty();
        assertThat(schedule.queueNightly(twoAm)).as("the cron firing late takes the same slot claim").isEmpty();
        assertThat(schedule.catchUpNightly(day.plusDays(1).atTime(0, 30).atZone(zone).toInstant()))
                .as("yesterday's slot is not caught up the next night before the hour").isEmpty();
    }

    @Test
    void aMissingJobRowIsCreatedRatherThanSilentlyDisablingItsJob() {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from planning_job where name = 'PUBLISH'").executeUpdate());
        assertThat(schedule.ensureJob("PUBLISH")).as("created").isTrue();
        assertThat(schedule.ensureJob("PUBLISH")).as("there now").isFalse();
    }

    @Test
    void aStopForARunWhoseInstanceDiedEndsCancelledAndIsNotSolvedAgain() throws Exception {
        long run = orphanedRun(1, true, Instant.now().minusSeconds(60));
        JsonPath ended = solved(run);
        assertEquals("CANCELLED", ended.getString("run.status"));
        assertEquals(1, ended.getInt("run.attempts"), "not claimed again");
        assertThat(ended.getString("run.score")).isNull();
    }

    @Test
    void aReplicaWhoseClockRunsAheadDoesNotTakeOverARunStillSolving() throws Exception {
        // The lease has 30 s left by the database's clock, none by this replica's.
        long run = orphanedRun(1, false, Instant.now().plusSeconds(30));
        clock.moveAhead(Duration.ofHours(1));
        try {
            Thread.sleep(3 * 1000);
            PlanRun row = QuarkusTransaction.requiringNew().call(() -> PlanRun.<PlanRun>findById(run));
            assertEquals(PlanStatus.SOLVING, row.status);
            assertEquals(1, row.attempts, "not claimed by this replica while its lease lasts");
            assertEquals("1@a-live-pod", row.claimedBy);
        } finally {
            clock.reset();
            QuarkusTransaction.requiringNew().run(() -> PlanRun.update("status = ?1 where id = ?2",
                    PlanStatus.CANCELLED, run));
        }
    }

    @Test
    void aShortRunIsLeasedForAtLeastTheMinimumLease() throws Exception {
        long run = queued(1);
        solved(run);
        PlanRun row = QuarkusTransaction.requiringNew().call(() -> PlanRun.<PlanRun>findById(run));
        assertThat(Duration.between(row.startedAt, row.leaseUntil)).isGreaterThanOrEqualTo(config.minLease());
    }

    @Test
    void aRunQueuedBeforeMidnightPlansFromTheDayItIsSolved() throws Exception {
        long run = QuarkusTransaction.requiringNew().call(() -> {
            // Queued yesterday without a plan date: it was dated yesterday.
            PlanRun queued = new PlanRun();
            queued.status = PlanStatus.QUEUED;
            queued.planDate = ServiceClock.today().minusDays(1);
            queued.horizonDays = 7;
            queued.timeLimitSeconds = 1;
            queued.reason = "MANUAL";
            queued.createdBy = "test";
            queued.createdAt = Instant.now().minus(Duration.ofHours(12));
            queued.persist();
            return queued.id;
        });
        JsonPath done = solved(run);
        assertEquals("DRAFT", done.getString("run.status"));
        assertEquals(ServiceClock.today().toString(), done.getString("run.planDate"));
    }

    @Test
    void aResultIsStoredOnceTheDatabaseIsBackWithinTheLease() throws Exception {
        // Demand to plan, so that the solve takes its whole time limit.
        approvedRequest("141032", "URGENT", List.of(Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 150)));
        double retriesBefore = storeRetries();
        long run = queued(4);
        // Until the constraint is dropped the database refuses this run's result, as one that is away
        // would: every store of it fails, as does nothing else.
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                "alter table plan_run add constraint plan_run_outage check (id <> " + run + " or status <> 'DRAFT')")
                .executeUpdate());
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> storeRetries()
                    != retriesBefore || QuarkusTransaction.requiringNew().call(() -> PlanRun.<PlanRun>findById(run)
                    .status).ordinal() > PlanStatus.SOLVING.ordinal());
            Thread.sleep(1000); // a few more failed stores while the database stays away
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                    .createNativeQuery("alter table plan_run drop constraint plan_run_outage").executeUpdate());
        }
        JsonPath done = solved(run);
        assertEquals("DRAFT", done.getString("run.status"), "the plan kept in memory was stored");
        assertEquals(1, done.getInt("run.attempts"));
        assertThat(storeRetries()).as("the store was retried").isGreaterThan(retriesBefore);
        String scrape = DemoUsers.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("surgeline_plan_runs_ended_total{kind=\"manual\",outcome=\"draft\"}");
    }

    private static double storeRetries() {
        String scrape = DemoUsers.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        return counter(scrape, "surgeline_plan_store_retries_total{step=\"store\"}");
    }

    @Test
    void withNoPlanInForceNoGaugeIsNaNAndARunWhoseLeasePassedIsNotSolving() {
        // In a transaction that is rolled back: other tests' plan in force stays.
        QuarkusTransaction.begin();
        try {
            PlanRun.update("status = ?1 where status = ?2", PlanStatus.SUPERSEDED, PlanStatus.PUBLISHED);
            double solvingBefore = metrics.read().solving();
            PlanRun orphan = PlanRows.manual(PlanStatus.SOLVING);
            orphan.claimedBy = "1@a-dead-pod";
            orphan.attempts = 1;
            orphan.leaseUntil = Instant.now().minusSeconds(60);
            orphan.persist();
            Panache.getEntityManager().flush();
            PlanningMetrics.Figures figures = metrics.read();
            assertEquals(solvingBefore, figures.solving(), "its instance is gone");
            assertEquals(0.0, figures.published());
            assertEquals(Double.POSITIVE_INFINITY, figures.publishedAgeSeconds(), "an age alert fires");
            assertThat(figures.publishedMedium()).isNotNaN();
            assertThat(figures.unmetLines()).isNotNaN();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static double counter(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).orElse(0.0);
    }

    private static void awaitStatus(long run, PlanStatus status) {
        await("plan " + run + " " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> PlanRun.<PlanRun>findById(run).status) == status);
    }

    /** A run left SOLVING by another instance, its lease ending at {@code leaseUntil}. */
    private static long orphanedRun(int attempts, boolean stopRequested, Instant leaseUntil) {
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
            run.claimedBy = leaseUntil.isAfter(Instant.now()) ? "1@a-live-pod" : "1@a-dead-pod";
            run.attempts = attempts;
            run.leaseUntil = leaseUntil;
            run.stopRequested = stopRequested;
            run.persist();
            return run.id;
        });
    }

    private static Instant lastSlot(String job) {
        Object last = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select last_slot from planning_job where name = ?1").setParameter(1, job)
                .getSingleResult());
        return last == null ? null : last instanceof Timestamp t ? t.toInstant()
                : last instanceof OffsetDateTime o ? o.toInstant() : (Instant) last;
    }
}
