package org.surgeline.planning;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.optaplanner.core.impl.solver.scope.SolverScope;
import org.optaplanner.core.config.solver.SolverConfig;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.ShutdownStarting;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.RevertPass;

/**
 * Solves queued plan runs, and only solves: it claims, solves and stores (through
 * {@link PlanRuns}), and hands a draft that may publish itself to {@link PlanPublisher}. The queue
 * is the database: an instance claims a run with a conditional update (QUEUED → SOLVING where it
 * is still claimable), so two instances never solve the same run at once. A claim is a lease of
 * {@code lease-factor} × the run's time limit; a run whose instance died is claimed again by
 * another once the lease has passed, and a late result of a lost claim is dropped. At most
 * {@code max-concurrent-solves} runs solve here at once. A stop is asked for in the database
 * ({@code stopRequested}) and read here at every poll.
 */
@ApplicationScoped
public class PlanSolver {

    private static final Logger LOG = Logger.getLogger(PlanSolver.class);
    static final String AUTO_PUBLISHER = CallerContext.system("auto-publish");

    @Inject
    SolverConfig solverConfig;
    @Inject
    PlanningSnapshot snapshot;
    @Inject
    PlanningState state;
    @Inject
    SnapshotSize sizes;
    @Inject
    PlanRuns runs;
    @Inject
    PlanPublisher publisher;
    @Inject
    PlanningConfig config;
    @Inject
    ManagedExecutor executor;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    /** Claims solving here, by claim (run and attempt): one run may be claimed again here once its lease passed. */
    private final Map<ClaimKey, Claim> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** Once shutdown is under way, retries end here too: the database goes away with the service. */
    private volatile long retriesEndNanos = Long.MAX_VALUE;

    private record ClaimKey(long runId, int attempt) {
    }

    private record BestSoFar(HardMediumSoftLongScore score, Instant at) {
    }

    private static final long BEST_WRITE_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    /** A run this instance claimed: its {@code attempt} must still be the run's for the result to count. */
    private static final class Claim {
        final long runId;
        final int attempt;
        final PlanKind kind;
        final LocalDate planDate;
        final int horizonDays;
        final int timeLimitSeconds;
        /** Until when (this JVM's monotonic clock) the claim is ours: retries of the store end there. */
        final long leaseEndsNanos;
        /** Set once: by the solve that starts it, or by shutdown handing it back unstarted. */
        final AtomicBoolean taken = new AtomicBoolean();
        /** Asked to stop; re-applied to every solver the claim runs, since solve() forgets an earlier stop. */
        volatile boolean stopped;
        volatile Solver<DeploymentPlan> solver;
        /** The best score found so far; {@link #writeBest} stores it on the run, off the solver's thread. */
        final AtomicReference<BestSoFar> best = new AtomicReference<>();
        volatile BestSoFar bestWritten;
        volatile long bestWrittenNanos = System.nanoTime() - BEST_WRITE_INTERVAL_NANOS;
        final AtomicBoolean writingBest = new AtomicBoolean();

        Claim(PlanRun run, int attempt, LocalDate planDate, Duration lease) {
            this.runId = run.id;
            this.attempt = attempt;
            this.kind = run.kind;
            this.planDate = planDate;
            this.horizonDays = run.horizonDays;
            this.timeLimitSeconds = run.timeLimitSeconds;
            this.leaseEndsNanos = System.nanoTime() + lease.toNanos();
        }

        ClaimKey key() {
            return new ClaimKey(runId, attempt);
        }

        void stop() {
            stopped = true;
            Solver<DeploymentPlan> current = solver;
            if (current != null) {
                current.terminateEarly();
            }
        }
    }

    @Scheduled(every = "${surgeline.planning.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pickUpQueuedRuns() {
        if (!config.solverEnabled()) {
            return;
        }
        if (stopping) {
            // Again at every poll: a stop given before a solver started is forgotten when it starts.
            active.values().forEach(Claim::stop);
        } else if (!active.isEmpty()) {
            active.values().forEach(claim -> {
                sampleBest(claim);
                // Also what the once-a-second limit held back when the solver found no better plan after it.
                writeBest(claim);
            });
            List<Long> runIds = active.keySet().stream().map(ClaimKey::runId).distinct().toList();
            QuarkusTransaction.requiringNew().call(() -> runs.stopRequested(runIds)).forEach(this::stopEarly);
        }
        while (!stopping && active.size() < config.maxConcurrentSolves()) {
            Optional<Claim> claimed = claimNext();
            if (claimed.isEmpty()) {
                return;
            }
            Claim claim = claimed.get();
            active.put(claim.key(), claim);
            try {
                executor.runAsync(() -> solve(claim));
            } catch (RuntimeException rejected) {
                // The executor is shutting down: the run goes back to the queue for another instance.
                if (claim.taken.compareAndSet(false, true)) {
                    handBack(claim);
                }
                active.remove(claim.key(), claim);
                return;
            }
        }
    }

    /** Asks a run solving here to stop; it keeps the best plan found so far. */
    void stopEarly(long runId) {
        active.values().stream().filter(c -> c.runId == runId).forEach(Claim::stop);
    }

    /**
     * The start of shutdown (SIGTERM, before readiness goes down and requests drain): no run is
     * claimed from here on, so none is cut short by the shutdown that follows, and the runs solving
     * here stop now, so that their best plan is stored while the database is still there.
     */
    void onShutdownStarting(@Observes ShutdownStarting event) {
        stopping = true;
        active.values().forEach(Claim::stop);
    }

    /**
     * Stops every solve early and waits (up to {@code shutdown-wait}) until each has stored its
     * best plan, so that a rolling update loses no plan. A claim whose solve has not started goes
     * back to the queue (its attempt not counted): the executor may never start it.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        retriesEndNanos = System.nanoTime() + config.shutdownWait().toNanos();
        active.values().forEach(c -> {
            if (c.taken.compareAndSet(false, true)) {
                handBack(c);
                active.remove(c.key(), c);
            }
        });
        active.values().forEach(Claim::stop);
        long deadline = System.nanoTime() + config.shutdownWait().toNanos();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            active.values().forEach(Claim::stop);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!active.isEmpty()) {
            LOG.warnf("Shutting down with runs %s unsaved; another instance claims them after their lease",
                    active.keySet().stream().map(ClaimKey::runId).toList());
        }
    }

    /** Puts a claimed run that was never started back in the queue, its attempt not counted. */
    private void handBack(Claim claim) {
        try {
            QuarkusTransaction.requiringNew().call(() -> runs.handBack(claim.runId, claim.attempt));
            LOG.infof("Plan %d handed back to the queue: this instance is shutting down", claim.runId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Plan %d could not be handed back; another instance claims it after its lease", claim.runId);
        }
    }

    private Optional<Claim> claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = runs.databaseNow();
            for (PlanRun next : runs.claimable(now)) {
                if (next.stopRequested) {
                    // Asked to stop while its instance died (or it was handed back): nothing better than
                    // what it stored can come of solving it again, and a cut-short draft must not publish.
                    if (runs.cancelStopped(next)) {
                        LOG.infof("Plan %d cancelled: a stop was asked for and the instance solving it is gone", next.id);
                        outcome(next.kind, "cancelled");
                    }
                    continue;
                }
                if (next.attempts >= config.maxAttempts()) {
                    if (runs.giveUp(next)) {
                        LOG.errorf("Plan %d given up after %d claims whose lease passed; the last was %s", next.id,
                                next.attempts, next.claimedBy);
                        outcome(next.kind, "given-up");
                    }
                    continue;
                }
                if (stopping) {
                    // Checked again after the read: a first claim can take long enough for a stop to come in between.
                    return Optional.empty();
                }
                Duration lease = lease(next.timeLimitSeconds);
                // Decided now, unless the caller named it: a run queued before midnight plans from the day it runs.
                LocalDate planDate = next.planDateChosen ? next.planDate : LocalDate.now(clock);
                if (runs.claim(next, now, lease, planDate)) {
                    if (next.status == PlanStatus.SOLVING) {
                        LOG.warnf("Plan %d: the lease of %s passed; solving it again here", next.id, next.claimedBy);
                    }
                    return Optional.of(new Claim(next, next.attempts + 1, planDate, lease));
                }
            }
            return Optional.empty();
        });
    }

    /** A claim's lease: {@code lease-factor} × the time limit, at least {@code min-lease}. */
    Duration lease(int timeLimitSeconds) {
        Duration byLimit = Duration.ofMillis((long) (timeLimitSeconds * 1000L * config.leaseFactor()));
        return byLimit.compareTo(config.minLease()) < 0 ? config.minLease() : byLimit;
    }

    private void solve(Claim claim) {
        if (!claim.taken.compareAndSet(false, true)) {
            return;
        }
        String startState = null;
        try {
            if (stopping) {
                handBack(claim);
                return;
            }
            // Read before the snapshot: a change in between makes the next check differ, never wrongly match.
            startState = startState(claim.planDate);
            retrying(claim, "sizing the snapshot of", () -> {
                sizes.check(claim.planDate, claim.horizonDays);
                return null;
            });
            PlanningSnapshot.Problem snapshotted = retrying(claim, "building the snapshot of",
                    () -> snapshot.build(claim.planDate, claim.horizonDays, claim.kind));
            DeploymentPlan problem = snapshotted.plan();
            SolverFactory<DeploymentPlan> factory = SolverFactory.create(solverConfig.copyConfig()
                    .withTerminationSpentLimit(Duration.ofSeconds(claim.timeLimitSeconds)));
            SolutionManager<DeploymentPlan, HardMediumSoftLongScore> solutions = SolutionManager.create(factory);
            // The base plan kept as it is, scored on today's problem: what a new plan must beat.
            HardMediumSoftLongScore baseline = snapshotted.basePlanId() != null ? solutions.update(problem) : null;
            DeploymentPlan solved = run(claim, factory.buildSolver(), problem);
            DeploymentPlan best = solved;
            if (claim.kind == PlanKind.REBALANCE) {
                // Bounded by the run's time limit again, and stopped as the solve is.
                long revertEnds = System.nanoTime() + Duration.ofSeconds(claim.timeLimitSeconds).toNanos();
                best = run(claim, RevertPass.solverFactory(solverConfig, () -> !claim.stopped && !stopping
                        && System.nanoTime() < revertEnds).buildSolver(), solved);
            }
            DeploymentPlan kept = best;
            // A solve cut short by a shutdown is not this state's answer: without a state, the next
            // trigger check may queue the same rebalancing again (elsewhere) instead of skipping it.
            String answered = stopping ? null : startState;
            // Kept in memory while the database is away; stored once it is back, within the lease.
            PlanRuns.Draft draft = new PlanRuns.Draft(String.valueOf(kept.getScore()),
                    PlanResults.of(kept, snapshotted.facts(), solutions.explain(kept)), snapshotted.basePlanId(),
                    baseline == null ? null : baseline.toString(), kept.changedFromPrevious(), answered);
            // A stopped run keeps its draft for a person to judge; it is never published by itself.
            Optional<Boolean> stored = retrying(claim, "storing", () -> QuarkusTransaction.requiringNew().call(
                    () -> runs.store(claim.runId, claim.attempt, draft).map(run -> run.stopRequested)));
            if (stored.isEmpty()) {
                LOG.warnf("Plan %d was claimed again elsewhere while solving here; this result is dropped", claim.runId);
                outcome(claim.kind, "dropped");
                return;
            }
            outcome(claim.kind, "draft");
            if (autoPublishes(claim.kind) && !stored.get() && !claim.stopped && improves(kept.getScore(), baseline)) {
                publish(claim.runId);
            }
        } catch (Throwable e) {
            // Out of memory included: the claim is released (FAILED) rather than held until its lease.
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
            active.remove(claim.key(), claim);
        }
    }

    /** Runs one solver of a claim, which a stop reaches before, during and after solve() starts. */
    private DeploymentPlan run(Claim claim, Solver<DeploymentPlan> solver, DeploymentPlan problem) {
        // solve() clears an earlier terminateEarly(), so a stop is applied again at the first best solution.
        solver.addEventListener(event -> {
            if (claim.stopped || stopping) {
                solver.terminateEarly();
            }
            offerBest(claim, (HardMediumSoftLongScore) event.getNewBestScore(), clock.instant());
            writeBest(claim);
        });
        claim.solver = solver;
        if (claim.stopped || stopping) {
            solver.terminateEarly();
        }
        return solver.solve(problem);
    }

    /**
     * Reads the best score of a claim's solver as it runs. The construction heuristic fires no
     * best-solution event when the problem starts initialized (every variable here may stay
     * unassigned), so its first plan, often the largest step, would show only once local search
     * improves on it, or at the end; the solver's scope holds it (a volatile field).
     */
    private void sampleBest(Claim claim) {
        if (claim.solver instanceof DefaultSolver<DeploymentPlan> running) {
            SolverScope<DeploymentPlan> scope = running.getSolverScope();
            Long foundAt = scope.getBestSolutionTimeMillis();
            if (scope.getBestScore() instanceof HardMediumSoftLongScore best) {
                offerBest(claim, best, foundAt == null ? clock.instant() : Instant.ofEpochMilli(foundAt));
            }
        }
    }

    /** Keeps the better of the claim's best so far and this one: the two readers never set an older score back. */
    private static void offerBest(Claim claim, HardMediumSoftLongScore score, Instant at) {
        BestSoFar offered = new BestSoFar(score, at);
        claim.best.accumulateAndGet(offered, (known, next) ->
                known == null || next.score().compareTo(known.score()) > 0 ? next : known);
    }

    /**
     * Stores a claim's best score so far on its run for the status to show, at most once a second
     * and one write at a time, off the solver's thread: the solver never waits for the database,
     * and a failed write only leaves the last one showing.
     */
    private void writeBest(Claim claim) {
        BestSoFar best = claim.best.get();
        if (best == null || best == claim.bestWritten
                || System.nanoTime() - claim.bestWrittenNanos < BEST_WRITE_INTERVAL_NANOS
                || !claim.writingBest.compareAndSet(false, true)) {
            return;
        }
        claim.bestWrittenNanos = System.nanoTime();
        try {
            executor.runAsync(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(
                            () -> runs.recordBest(claim.runId, claim.attempt, best.score().toString(), best.at()));
                    claim.bestWritten = best;
                } catch (RuntimeException e) {
                    LOG.debugf(e, "Plan %d: the best score so far was not stored", claim.runId);
                } finally {
                    claim.writingBest.set(false);
                }
            });
        } catch (RuntimeException rejected) {
            // The executor is shutting down; the result is stored with its score anyway.
            claim.writingBest.set(false);
        }
    }

    /**
     * Calls {@code work} again with growing pauses while the database is away (an SQL or
     * persistence error), as long as the claim's lease lasts and, once shutdown is under way, no
     * longer than {@code shutdown-wait} (a closed pool would otherwise be retried until the lease
     * ends and hold the exit); any other error, or the end, is thrown.
     */
    private <T> T retrying(Claim claim, String what, Supplier<T> work) throws InterruptedException {
        long pauseMillis = 250;
        for (int retry = 1; ; retry++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                long retryAt = System.nanoTime() + pauseMillis * 1_000_000;
                if (!transientDatabaseError(e) || retryAt >= claim.leaseEndsNanos || retryAt >= retriesEndNanos) {
                    throw e;
                }
                registry.counter("surgeline.plan.store.retries", "step", what.contains("snapshot") ? "snapshot"
                        : "store").increment();
                LOG.warnf("Plan %d: %s it failed (%s), retry %d in %d ms", claim.runId, what, e.getClass().getSimpleName(),
                        retry, pauseMillis);
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 5000);
            }
        }
    }

    private static boolean transientDatabaseError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }

    private void outcome(PlanKind kind, String outcome) {
        registry.counter("surgeline.plan.runs.ended", "kind", kind.name().toLowerCase(), "outcome", outcome).increment();
    }

    private void fail(Claim claim, PlanFailure failure, String startState) {
        outcome(claim.kind, "failed");
        try {
            // Retried as a result is: a run left SOLVING would hold its slot until the lease passes.
            retrying(claim, "marking as failed", () -> QuarkusTransaction.requiringNew().call(
                    () -> runs.fail(claim.runId, claim.attempt, failure, startState)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Plan %d could not be marked FAILED; another instance claims it after its lease", claim.runId);
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
            publisher.publish(runId, AUTO_PUBLISHER);
            LOG.infof("Plan %d published automatically", runId);
        } catch (ProblemException e) {
            LOG.warnf("Plan %d left as a draft: %s", runId, e.problem().getDetail());
        }
    }
}
