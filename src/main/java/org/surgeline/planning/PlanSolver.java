package org.surgeline.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ProblemException;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.RevertPass;

/**
 * Solves queued plan runs. The queue is the database: an instance claims a run with a
 * conditional update (QUEUED → SOLVING where it is still claimable), so two instances never solve
 * the same run at once. A claim is a lease of {@code lease-factor} × the run's time limit; a run
 * whose instance died is claimed again by another once the lease has passed, and a late result of
 * a lost claim is dropped. At most {@code max-concurrent-solves} runs solve here at once.
 */
@ApplicationScoped
public class PlanSolver {

    private static final Logger LOG = Logger.getLogger(PlanSolver.class);
    static final String AUTO_PUBLISHER = CallerContext.system("auto-publish");
    static final String FAILED_RUNS = "surgeline.plan.runs.failed";

    @Inject
    SolverConfig solverConfig;
    @Inject
    PlanningSnapshot snapshot;
    @Inject
    PlanningState state;
    @Inject
    SnapshotSize sizes;
    @Inject
    PlanService plans;
    @Inject
    PlanningConfig config;
    @Inject
    ManagedExecutor executor;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    /** Claims solving here, by run id; a claim's solver appears once its snapshot is built. */
    private final Map<Long, Claim> active = new ConcurrentHashMap<>();
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private volatile boolean stopping;

    /** A run this instance claimed: its {@code attempt} must still be the run's for the result to count. */
    private static final class Claim {
        final long runId;
        final int attempt;
        final PlanKind kind;
        final LocalDate planDate;
        final int horizonDays;
        final int timeLimitSeconds;
        volatile Solver<DeploymentPlan> solver;

        Claim(PlanRun run, int attempt) {
            this.runId = run.id;
            this.attempt = attempt;
            this.kind = run.kind;
            this.planDate = run.planDate;
            this.horizonDays = run.horizonDays;
            this.timeLimitSeconds = run.timeLimitSeconds;
        }
    }

    @Scheduled(every = "${surgeline.planning.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pickUpQueuedRuns() {
        if (!config.solverEnabled()) {
            return;
        }
        if (!active.isEmpty()) {
            QuarkusTransaction.requiringNew().call(() -> PlanRun.<PlanRun>list("id in ?1 and stopRequested = true",
                    List.copyOf(active.keySet()))).forEach(run -> stopEarly(run.id));
        }
        while (!stopping && active.size() < config.maxConcurrentSolves()) {
            Optional<Claim> claimed = claimNext();
            if (claimed.isEmpty()) {
                return;
            }
            Claim claim = claimed.get();
            active.put(claim.runId, claim);
            executor.runAsync(() -> solve(claim));
        }
    }

    /** This instance's name in {@code claimed_by}: the JVM's pid@host (the pod name on Kubernetes). */
    String instance() {
        return instance;
    }

    /** Asks a run solving here to stop; it keeps the best plan found so far. */
    void stopEarly(long runId) {
        Claim claim = active.get(runId);
        if (claim != null && claim.solver != null) {
            claim.solver.terminateEarly();
        }
    }

    /**
     * Stops every solve early and waits (up to {@code shutdown-wait}) until each has stored its
     * best plan, so that a rolling update loses no plan.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        active.values().forEach(c -> {
            if (c.solver != null) {
                c.solver.terminateEarly();
            }
        });
        long deadline = System.nanoTime() + config.shutdownWait().toNanos();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            active.values().stream().filter(c -> c.solver != null).forEach(c -> c.solver.terminateEarly());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!active.isEmpty()) {
            LOG.warnf("Shutting down with runs %s unsaved; another instance claims them after their lease",
                    active.keySet());
        }
    }

    private Optional<Claim> claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            // Scheduled runs (nightly, rebalancing) first, so that manual runs cannot hold them back.
            List<PlanRun> candidates = PlanRun.<PlanRun>find("(status = ?1 or (status = ?2 and leaseUntil < ?3)) "
                    + "order by case when kind = ?4 then 1 else 0 end, id",
                    PlanStatus.QUEUED, PlanStatus.SOLVING, now, PlanKind.MANUAL).page(0, 5).list();
            for (PlanRun next : candidates) {
                if (next.attempts >= config.maxAttempts()) {
                    int givenUp = PlanRun.update("status = ?1, errorCode = ?2, error = ?3, endedAt = ?4 "
                                    + "where id = ?5 and attempts = ?6 and status = ?7",
                            PlanStatus.FAILED, PlanFailure.GIVEN_UP, "Given up after " + next.attempts
                                    + " claims whose lease passed: the planner instances solving it stopped answering",
                            now, next.id, next.attempts, PlanStatus.SOLVING);
                    if (givenUp == 1) {
                        registry.counter(FAILED_RUNS).increment();
                        LOG.errorf("Plan %d given up after %d claims whose lease passed; the last was %s", next.id,
                                next.attempts, next.claimedBy);
                    }
                    continue;
                }
                Instant lease = now.plusMillis((long) (next.timeLimitSeconds * 1000L * config.leaseFactor()));
                int claimed = PlanRun.update("status = ?1, startedAt = ?2, claimedBy = ?3, leaseUntil = ?4, "
                        + "attempts = attempts + 1 where id = ?5 and attempts = ?6 "
                        + "and (status = ?7 or (status = ?1 and leaseUntil < ?2))",
                        PlanStatus.SOLVING, now, instance, lease, next.id, next.attempts, PlanStatus.QUEUED);
                if (claimed == 1) {
                    if (next.status == PlanStatus.SOLVING) {
                        LOG.warnf("Plan %d: the lease of %s passed; solving it again here", next.id, next.claimedBy);
                    }
                    return Optional.of(new Claim(next, next.attempts + 1));
                }
            }
            return Optional.empty();
        });
    }

    private void solve(Claim claim) {
        // Read before the snapshot: a change in between makes the next check differ, never wrongly match.
        String startState = startState(claim.planDate);
        try {
            sizes.check(claim.planDate, claim.horizonDays);
            PlanningSnapshot.Problem snapshotted = snapshot.build(claim.planDate, claim.horizonDays, claim.kind);
            DeploymentPlan problem = snapshotted.plan();
            SolverFactory<DeploymentPlan> factory = SolverFactory.create(solverConfig.copyConfig()
                    .withTerminationSpentLimit(Duration.ofSeconds(claim.timeLimitSeconds)));
            SolutionManager<DeploymentPlan, HardMediumSoftLongScore> solutions = SolutionManager.create(factory);
            // The base plan kept as it is, scored on today's problem: what a new plan must beat.
            HardMediumSoftLongScore baseline = snapshotted.basePlanId() != null ? solutions.update(problem) : null;
            claim.solver = factory.buildSolver();
            if (stopping) {
                claim.solver.terminateEarly();
            }
            DeploymentPlan solved = claim.solver.solve(problem);
            DeploymentPlan best = claim.kind == PlanKind.REBALANCE
                    ? RevertPass.solverFactory(solverConfig).buildSolver().solve(solved) : solved;
            String result = json.writeValueAsString(PlanResults.of(best, snapshotted.facts(), solutions.explain(best)));
            boolean stored = QuarkusTransaction.requiringNew().call(() -> PlanRun.update(
                    "status = ?1, score = ?2, result = ?3, endedAt = ?4, basePlanId = ?5, baselineScore = ?6, "
                            + "changedAssignments = ?7, stateKey = ?12 "
                            + "where id = ?8 and status = ?9 and claimedBy = ?10 and attempts = ?11",
                    PlanStatus.DRAFT, String.valueOf(best.getScore()), result, clock.instant(),
                    snapshotted.basePlanId(), baseline == null ? null : baseline.toString(),
                    best.changedFromPrevious(), claim.runId, PlanStatus.SOLVING, instance, claim.attempt,
                    startState) == 1);
            if (!stored) {
                LOG.warnf("Plan %d was claimed again elsewhere while solving here; this result is dropped", claim.runId);
            } else if (autoPublishes(claim.kind) && improves(best.getScore(), baseline)) {
                publish(claim.runId);
            }
        } catch (RuntimeException | JsonProcessingException e) {
            // Readers see a code and a sentence; the exception (which may carry SQL) stays in the log.
            PlanFailure failure;
            if (e instanceof PlanFailure known) {
                failure = known;
                LOG.errorf("Plan %d failed (%s): %s", claim.runId, known.code(), known.getMessage());
            } else {
                String incident = UUID.randomUUID().toString();
                LOG.errorf(e, "Plan %d failed, incident %s", claim.runId, incident);
                failure = new PlanFailure(PlanFailure.SOLVER_ERROR,
                        "The planner failed on this run; an administrator finds the cause in the log under incident "
                                + incident);
            }
            fail(claim, failure, startState);
        } finally {
            active.remove(claim.runId);
        }
    }

    private void fail(Claim claim, PlanFailure failure, String startState) {
        int failed = QuarkusTransaction.requiringNew().call(() -> PlanRun.update(
                "status = ?1, errorCode = ?2, error = ?3, endedAt = ?4, stateKey = ?5 "
                        + "where id = ?6 and status = ?7 and claimedBy = ?8 and attempts = ?9",
                PlanStatus.FAILED, failure.code(), failure.getMessage(), clock.instant(), startState,
                claim.runId, PlanStatus.SOLVING, instance, claim.attempt));
        if (failed == 1) {
            registry.counter(FAILED_RUNS).increment();
        }
    }

    /** The state the run starts from ({@link PlanningState}); null if unreadable, which only means it is never matched. */
    private String startState(LocalDate planDate) {
        try {
            return state.of(planDate);
        } catch (RuntimeException e) {
            LOG.warnf(e, "The state a run on %s starts from could not be read", planDate);
            return null;
        }
    }

    private boolean autoPublishes(PlanKind kind) {
        return switch (kind) {
            case NIGHTLY -> config.autoPublish().nightly();
            case REBALANCE -> config.autoPublish().rebalance();
            case MANUAL -> false;
        };
    }

    /**
     * Feasible, and better than keeping the plan in force (fewer hard breaches, else more weighted
     * demand met net of the changes it costs). A draft that is merely as good is left alone:
     * publishing it would only call off and re-plan the same shipments.
     */
    static boolean improves(HardMediumSoftLongScore draft, HardMediumSoftLongScore baseline) {
        if (draft == null || !draft.isFeasible()) {
            return false;
        }
        return baseline == null || draft.hardScore() > baseline.hardScore()
                || draft.hardScore() == baseline.hardScore() && draft.mediumScore() > baseline.mediumScore();
    }

    private void publish(long runId) {
        try {
            plans.publish(runId, AUTO_PUBLISHER);
            LOG.infof("Plan %d published automatically", runId);
        } catch (ProblemException e) {
            LOG.warnf("Plan %d left as a draft: %s", runId, e.problem().getDetail());
        }
    }
}
