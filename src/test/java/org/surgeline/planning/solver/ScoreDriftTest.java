package org.surgeline.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.surgeline.planning.benchmark.InstanceGenerator;

/**
 * The constraints are written for speed (docs/benchmarks.md); what a score means must not drift
 * with them. The solver runs local search on the benchmark's S instance in FULL_ASSERT mode, which
 * recalculates every move's score from scratch and fails on any difference from the incremental
 * score. It starts from random plans with some entities unassigned, so that every constraint has
 * matches to add, change and remove.
 */
class ScoreDriftTest {

    @Test
    void incrementalScoresMatchAFromScratchCalculation() {
        SolverConfig config = SolverConfig.createFromXmlResource("solverConfig.xml").copyConfig()
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(new LocalSearchPhaseConfig())
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(1_000L));
        SolverFactory<DeploymentPlan> factory = SolverFactory.create(config);
        for (long seed = 1; seed <= 2; seed++) {
            DeploymentPlan plan = randomPlan(seed);
            DeploymentPlan solved = factory.buildSolver().solve(plan);
            assertThat(solved.getScore().isSolutionInitialized()).isTrue();
        }
    }

    /** The S instance with every entity somewhere at random, or nowhere. */
    private static DeploymentPlan randomPlan(long seed) {
        DeploymentPlan plan = InstanceGenerator.generate(InstanceGenerator.Size.S, 42);
        Random random = new Random(seed);
        assignAtRandom(random, plan.getParcels(), plan.getDepots(), SupplyParcel::setSource);
        assignAtRandom(random, plan.getShifts(), plan.getTeams(), TeamShift::setTeam);
        assignAtRandom(random, plan.getBedBlocks(), plan.getSites(), BedBlock::setSite);
        assignAtRandom(random, plan.getSampleBatches(), plan.getLabs(), SampleBatch::setLab);
        return plan;
    }

    private static <E, V> void assignAtRandom(Random random, List<E> entities, List<V> values,
            BiConsumer<E, V> assign) {
        for (E entity : entities) {
            assign.accept(entity, random.nextInt(5) == 0 ? null : values.get(random.nextInt(values.size())));
        }
    }
}
