package org.surgeline.planning.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.optaplanner.core.impl.solver.scope.SolverScope;
import org.surgeline.planning.solver.DeploymentPlan;

/**
 * The solver benchmark of docs/benchmarks.md; skipped unless asked for:
 * {@code ./mvnw test -Dtest=SolverBenchmark -Dbenchmark.sizes=S,M -Dbenchmark.seconds=120}
 * ({@code -Dbenchmark.phases=default} compares with OptaPlanner's default phases;
 * {@code -Dbenchmark.references=false} skips the exact references, for score-speed runs).
 * Per size: time to the first feasible (0 hard) best solution, best score at 10, 30 and 120 s,
 * score calculation speed, and the gap of the supply part to its exact divisible optimum.
 */
class SolverBenchmark {

    @Test
    void benchmark() {
        String sizes = System.getProperty("benchmark.sizes");
        Assumptions.assumeTrue(sizes != null, "set -Dbenchmark.sizes=S,M,L to run");
        long seconds = Long.parseLong(System.getProperty("benchmark.seconds", "120"));
        for (String name : sizes.split(",")) {
            run(InstanceGenerator.Size.valueOf(name.trim()), seconds);
        }
    }

    private static void run(InstanceGenerator.Size size, long seconds) {
        DeploymentPlan problem = InstanceGenerator.generate(size, 42);
        // The exact reference is asked for S and M; on L its shortest paths would take minutes.
        boolean references = size != InstanceGenerator.Size.L
                && Boolean.parseBoolean(System.getProperty("benchmark.references", "true"));
        long exactStart = System.nanoTime();
        SupplyOptimum.Score optimum = references ? SupplyOptimum.of(problem) : null;
        long exactMillis = (System.nanoTime() - exactStart) / 1_000_000;

        // "service": the phases of solverConfig.xml; "default": OptaPlanner's defaults, for comparison.
        boolean service = !"default".equals(System.getProperty("benchmark.phases", "service"));
        SolverConfig config = SolverConfig.createFromXmlResource("solverConfig.xml");
        if (!service) {
            config.setPhaseConfigList(null);
        }
        SolverFactory<DeploymentPlan> factory = SolverFactory.create(
                config.withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds))));
        Solver<DeploymentPlan> solver = factory.buildSolver();
        List<long[]> improvements = new ArrayList<>();
        List<HardMediumSoftLongScore> scores = new ArrayList<>();
        long start = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        solver.addEventListener(event -> {
            improvements.add(new long[] {(System.nanoTime() - start) / 1_000_000});
            scores.add((HardMediumSoftLongScore) event.getNewBestScore());
        });
        DeploymentPlan best = solver.solve(problem);
        long spentMillis = (System.nanoTime() - start) / 1_000_000;
        long cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
        SolverScope<DeploymentPlan> solverScope = ((DefaultSolver<DeploymentPlan>) solver).getSolverScope();
        long speed = solverScope.getScoreCalculationSpeed();
        // Per second of the solving thread's CPU: on cores shared with other builds, wall-clock
        // speed follows the machine's load; this one much less.
        long cpuSpeed = solverScope.getScoreCalculationCount() * 1_000_000_000L / Math.max(1, cpuNanos);

        String firstFeasible = "never";
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).isFeasible() && scores.get(i).initScore() == 0) {
                firstFeasible = String.format(Locale.ROOT, "%.1f s", improvements.get(i)[0] / 1000.0);
                break;
            }
        }
        ScoreExplanation<DeploymentPlan, HardMediumSoftLongScore> explanation =
                SolutionManager.<DeploymentPlan, HardMediumSoftLongScore>create(factory).explain(best);
        long supplyMedium = 0;
        long supplySoft = 0;
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            String constraint = total.getConstraintName();
            if (constraint.equals("Unmet supply") || constraint.equals("Reserve floor breached")) {
                supplyMedium -= total.getScore().mediumScore();
            } else if (constraint.equals("Supply travel")) {
                supplySoft -= total.getScore().softScore();
            }
        }
        System.out.printf(Locale.ROOT, "%n== size %s, %s phases: %d parcels, %d shifts, %d bed blocks, %d sample batches%n",
                size, service ? "service" : "default",
                problem.getParcels().size(), problem.getShifts().size(), problem.getBedBlocks().size(),
                problem.getSampleBatches().size());
        System.out.printf(Locale.ROOT, "first feasible: %s; score calculations/s: %,d (per CPU second: %,d); "
                        + "heap used: %d MB%n", firstFeasible, speed, cpuSpeed,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
        for (long at : new long[] {10, 30, 120}) {
            if (at <= seconds) {
                System.out.printf(Locale.ROOT, "best at %3d s: %s%n", at, bestAt(improvements, scores, at * 1000));
            }
        }
        System.out.printf(Locale.ROOT, "final best: %s%n", best.getScore());
        if (references) {
            ParcelOptimum.Result exact = ParcelOptimum.of(problem, 60);
            System.out.printf(Locale.ROOT, "supply part, whole parcels (CP-SAT, %s, %.1f s): medium %,d (bound %,d) "
                            + "soft %,d; planner gap medium %s (to the bound %s), soft %s%n", exact.status(),
                    exact.seconds(), exact.medium(), exact.mediumBound(), exact.soft(), gap(supplyMedium, exact.medium()),
                    gap(supplyMedium, exact.mediumBound()), gap(supplySoft, exact.soft()));
        }
        if (optimum != null) {
            System.out.printf(Locale.ROOT, "supply part: planner medium %,d soft %,d; exact divisible optimum medium %,d "
                            + "soft %,d (%d ms); gap medium %s, soft %s%n", supplyMedium, supplySoft, optimum.medium(),
                    optimum.soft(), exactMillis, gap(supplyMedium, optimum.medium()), gap(supplySoft, optimum.soft()));
        }
    }

    private static String bestAt(List<long[]> times, List<HardMediumSoftLongScore> scores, long millis) {
        HardMediumSoftLongScore best = null;
        for (int i = 0; i < scores.size(); i++) {
            if (times.get(i)[0] <= millis) {
                best = scores.get(i);
            }
        }
        return String.valueOf(best);
    }

    private static String gap(long planner, long optimum) {
        if (optimum == 0) {
            return planner == 0 ? "0 %" : "n/a (optimum 0)";
        }
        return String.format(Locale.ROOT, "%+.2f %%", 100.0 * (planner - optimum) / optimum);
    }
}
