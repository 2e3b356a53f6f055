package org.surgeline.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * The revert pass is a custom phase, which no solver termination reaches: it ends at once when the
 * run is stopped (or its deadline passed), keeping the plan as it is, and runs to the end otherwise.
 */
class RevertPassStopTest {

    private static final PlanDepot A = new PlanDepot("A", "141002");
    private static final PlanDepot B = new PlanDepot("B", "141002");

    /** Four parcels published at A, moved to B for no reason: each move is a change the score does not need. */
    private static DeploymentPlan movedForNothing() {
        Demand routine = new Demand(1, 1, 1, "141026", 1);
        List<SupplyParcel> parcels = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parcels.add(new SupplyParcel("r" + i, routine, "KIT", 100, "A"));
        }
        DeploymentPlan plan = new DeploymentPlan(LocalDate.of(2026, 12, 1), 7, List.of(A, B),
                List.of(new DepotStock(A, "KIT", 600, 0), new DepotStock(B, "KIT", 600, 0)), List.of(), List.of(),
                List.of(), new TravelMatrix(Map.of()), parcels, List.of(), List.of(), List.of(),
                new PlanningWeights(2, 1000, 100, 60, HardMediumSoftLongScore.ofMedium(1)));
        plan.startFromPrevious();
        plan.getParcels().forEach(p -> p.setSource(B));
        return plan;
    }

    @Test
    void aStoppedRevertPassKeepsThePlanAndAnUnstoppedOnePutsBackEveryUnneededChange() {
        SolverConfig config = SolverConfig.createFromXmlResource("solverConfig.xml");
        DeploymentPlan stopped = RevertPass.solverFactory(config, () -> false).buildSolver().solve(movedForNothing());
        assertThat(stopped.changedFromPrevious()).isEqualTo(4);
        DeploymentPlan finished = RevertPass.solverFactory(config, () -> true).buildSolver().solve(movedForNothing());
        assertThat(finished.changedFromPrevious()).isZero();
    }
}
