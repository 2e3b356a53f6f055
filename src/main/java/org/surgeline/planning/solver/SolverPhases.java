package org.surgeline.planning.solver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.AcceptorType;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveListFactoryConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/** The solver configuration of one run: solverConfig.xml, its time limit, and for a rebalance a revert pass. */
public final class SolverPhases {

    /** Share of a rebalance's time the main local search gets; the revert pass has the rest. */
    static final double MAIN_SEARCH_SHARE = 0.8;

    private SolverPhases() {
    }

    /**
     * A rebalance ends with hill climbing over {@link RevertMoves}: each change late acceptance
     * made that meets no more weighted demand than it costs (the medium stability weight) is
     * undone, so the plan in force changes only where the surge needs it.
     */
    public static SolverConfig forRun(SolverConfig base, Duration timeLimit, boolean rebalance) {
        SolverConfig config = base.copyConfig().withTerminationSpentLimit(timeLimit);
        if (!rebalance) {
            return config;
        }
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        PhaseConfig main = phases.get(phases.size() - 1);
        main.setTerminationConfig(new TerminationConfig()
                .withSpentLimit(Duration.ofMillis((long) (timeLimit.toMillis() * MAIN_SEARCH_SHARE))));
        phases.add(new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new MoveListFactoryConfig().withMoveListFactoryClass(RevertMoves.class))
                .withAcceptorConfig(new LocalSearchAcceptorConfig()
                        .withAcceptorTypeList(List.of(AcceptorType.HILL_CLIMBING)))
                .withTerminationConfig(new TerminationConfig().withUnimprovedStepCountLimit(1)));
        return config.withPhases(phases.toArray(PhaseConfig[]::new));
    }
}
