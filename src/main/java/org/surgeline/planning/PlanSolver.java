package org.surgeline.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.surgeline.planning.solver.DeploymentPlan;

/**
 * Solves queued plan runs. The queue is the database: an instance claims a run with a
 * conditional update (QUEUED → SOLVING where it is still QUEUED), so two instances never solve the
 * same run. At most {@code surgeline.planning.max-concurrent-solves} runs solve here at once.
 */
@ApplicationScoped
public class PlanSolver {

    private static final Logger LOG = Logger.getLogger(PlanSolver.class);

    @Inject
    SolverConfig solverConfig;
    @Inject
    PlanningSnapshot snapshot;
    @Inject
    PlanningConfig config;
    @Inject
    ManagedExecutor executor;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** Runs solving here; a run's solver appears once its snapshot is built. */
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private final Map<Long, Solver<DeploymentPlan>> solvers = new ConcurrentHashMap<>();
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    @Scheduled(every = "${surgeline.planning.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pickUpQueuedRuns() {
        if (!config.solverEnabled()) {
            return;
        }
        while (active.size() < config.maxConcurrentSolves()) {
            Optional<PlanRun> claimed = claimNext();
            if (claimed.isEmpty()) {
                return;
            }
            PlanRun run = claimed.get();
            active.add(run.id);
            executor.runAsync(() -> solve(run.id, run));
        }
    }

    /** Asks a run solving here to stop; it keeps the best plan found so far. */
    void stopEarly(long runId) {
        Solver<DeploymentPlan> solver = solvers.get(runId);
        if (solver != null) {
            solver.terminateEarly();
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        solvers.values().forEach(Solver::terminateEarly);
    }

    private Optional<PlanRun> claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (PlanRun next : PlanRun.<PlanRun>find("status", Sort.by("id"), PlanStatus.QUEUED).page(0, 5).list()) {
                int claimed = PlanRun.update("status = ?1, startedAt = ?2, claimedBy = ?3 where id = ?4 and status = ?5",
                        PlanStatus.SOLVING, clock.instant(), instance, next.id, PlanStatus.QUEUED);
                if (claimed == 1) {
                    return Optional.of(next);
                }
            }
            return Optional.empty();
        });
    }

    private void solve(long runId, PlanRun run) {
        try {
            DeploymentPlan problem = snapshot.build(run.planDate, run.horizonDays);
            SolverFactory<DeploymentPlan> factory = SolverFactory.create(solverConfig.copyConfig()
                    .withTerminationSpentLimit(Duration.ofSeconds(run.timeLimitSeconds)));
            Solver<DeploymentPlan> solver = factory.buildSolver();
            solvers.put(runId, solver);
            DeploymentPlan best = solver.solve(problem);
            var explanation = SolutionManager.<DeploymentPlan, HardMediumSoftLongScore>create(factory).explain(best);
            String result = json.writeValueAsString(PlanResults.of(best, explanation));
            QuarkusTransaction.requiringNew().run(() -> {
                PlanRun done = PlanRun.findById(runId);
                done.status = PlanStatus.DRAFT;
                done.score = best.getScore() == null ? null : best.getScore().toString();
                done.result = result;
                done.endedAt = clock.instant();
            });
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.errorf(e, "Plan %d failed", runId);
            QuarkusTransaction.requiringNew().run(() -> {
                PlanRun failed = PlanRun.findById(runId);
                failed.status = PlanStatus.FAILED;
                failed.error = String.valueOf(e.getMessage()).substring(0, Math.min(1000, String.valueOf(e.getMessage()).length()));
                failed.endedAt = clock.instant();
            });
        } finally {
            solvers.remove(runId);
            active.remove(runId);
        }
    }
}
