package org.surgeline.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * When stock is short, CRITICAL demand is served first, and ROUTINE demand takes only what can
 * leave above the reserve floor. One depot; 600 units asked at each priority, in parcels of 100.
 */
class PriorityTest {

    private static final PlanDepot DEPOT = new PlanDepot("D", "141002");

    @ParameterizedTest(name = "available {0}, floor {1}: routine gets {2}")
    @CsvSource({"1000, 600, 0", "1500, 600, 300", "2000, 600, 600"})
    void criticalFirstAndRoutineNeverBelowTheFloor(long available, long floor, long routineExpected) {
        Demand critical = new Demand(1, 1, 1, "141024", 10);
        Demand routine = new Demand(2, 2, 1, "141026", 1);
        List<SupplyParcel> parcels = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parcels.add(new SupplyParcel("c" + i, critical, "KIT", 100, null));
            parcels.add(new SupplyParcel("r" + i, routine, "KIT", 100, null));
        }
        DeploymentPlan problem = new DeploymentPlan(LocalDate.of(2026, 12, 1), 7, List.of(DEPOT),
                List.of(new DepotStock(DEPOT, "KIT", available, floor)), List.of(), List.of(), List.of(),
                new TravelMatrix(Map.of()), parcels, List.of(), List.of(), List.of(), new PlanningWeights());

        DeploymentPlan best = SolverFactory.<DeploymentPlan>create(new SolverConfig()
                        .withSolutionClass(DeploymentPlan.class)
                        .withEntityClasses(SupplyParcel.class, TeamShift.class, BedBlock.class, SampleBatch.class)
                        .withConstraintProviderClass(DeploymentConstraints.class)
                        .withTerminationConfig(new TerminationConfig()
                                .withUnimprovedSpentLimit(Duration.ofSeconds(2))
                                .withSpentLimit(Duration.ofSeconds(20))))
                .buildSolver().solve(problem);

        long criticalShipped = shipped(best, critical);
        long routineShipped = shipped(best, routine);
        assertThat(best.getScore().hardScore()).isZero();
        assertThat(criticalShipped).as("critical demand is served in full").isEqualTo(600);
        assertThat(routineShipped).as("routine demand only above the floor").isEqualTo(routineExpected);
        assertThat(routineShipped).isLessThanOrEqualTo(Math.max(0, available - floor - criticalShipped));
    }

    private static long shipped(DeploymentPlan plan, Demand demand) {
        return plan.getParcels().stream().filter(p -> p.getDemand() == demand && p.getSource() != null)
                .mapToLong(SupplyParcel::getUnits).sum();
    }
}
