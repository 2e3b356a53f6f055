package org.surgeline.planning.solver;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Puts back, one at a time, every change against the plan in force that the score does not
 * need ({@link RevertMoves}), until none is left that improves the score. Late acceptance leaves
 * such changes behind: it wanders through equal-or-worse moves, and a later improvement keeps
 * them all.
 */
public class RevertPass implements CustomPhaseCommand<DeploymentPlan> {

    /**
     * The pass as a solver of its own, run on a rebalance's best plan: it ends when no change is
     * left to put back, whatever time the rebalance used.
     */
    public static SolverFactory<DeploymentPlan> solverFactory(SolverConfig base) {
        return solverFactory(base, () -> true);
    }

    /**
     * The pass, ending early (with the changes put back so far) once {@code keepGoing} says no: a
     * stop, a shutdown or the run's deadline. A custom phase sees no solver termination.
     */
    public static SolverFactory<DeploymentPlan> solverFactory(SolverConfig base, BooleanSupplier keepGoing) {
        return SolverFactory.create(base.copyConfig()
                .withTerminationConfig(new TerminationConfig())
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new RevertPass(keepGoing))));
    }

    private final BooleanSupplier keepGoing;

    public RevertPass() {
        this(() -> true);
    }

    RevertPass(BooleanSupplier keepGoing) {
        this.keepGoing = keepGoing;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void changeWorkingSolution(ScoreDirector<DeploymentPlan> scoreDirector) {
        InnerScoreDirector<DeploymentPlan, HardMediumSoftLongScore> director =
                (InnerScoreDirector<DeploymentPlan, HardMediumSoftLongScore>) scoreDirector;
        HardMediumSoftLongScore current = director.calculateScore();
        boolean improved = true;
        while (improved) {
            improved = false;
            for (Move<DeploymentPlan> revert : new RevertMoves().createMoveList(director.getWorkingSolution())) {
                if (!keepGoing.getAsBoolean()) {
                    return;
                }
                if (!revert.isMoveDoable(director)) {
                    continue;
                }
                Move<DeploymentPlan> undo = revert.doMove(director);
                HardMediumSoftLongScore score = director.calculateScore();
                if (score.compareTo(current) > 0) {
                    current = score;
                    improved = true;
                } else {
                    undo.doMoveOnly(director);
                    director.calculateScore();
                }
            }
        }
    }
}
