package org.surgeline.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * A rebalance as the service runs it (solverConfig.xml, warm start, stability at medium level,
 * the revert pass): six routine parcels were published at depot A; two critical parcels arrive.
 * The plan changes only as much as the new demand needs: nothing when depot B has room, exactly
 * the two routine parcels the critical ones displace when it has none.
 */
class RebalanceSolvingTest {

    private static final PlanDepot A = new PlanDepot("A", "141002");
    private static final PlanDepot B = new PlanDepot("B", "141002");

    @ParameterizedTest(name = "B holds {0}: {1} changes")
    @CsvSource({"600, 0", "0, 2"})
    void aRebalanceChangesOnlyWhatTheNewDemandNeeds(long atB, int expectedChanges) {
        Demand routine = new Demand(1, 1, 1, "141026", 1);
        Demand critical = new Demand(2, 2, 1, "141024", 10);
        List<SupplyParcel> parcels = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parcels.add(new SupplyParcel("r" + i, routine, "KIT", 100, "A"));
        }
        parcels.add(new SupplyParcel("c0", critical, "KIT", 100, null));
        parcels.add(new SupplyParcel("c1", critical, "KIT", 100, null));
        DeploymentPlan problem = new DeploymentPlan(LocalDate.of(2026, 12, 1), 7, List.of(A, B),
                List.of(new DepotStock(A, "KIT", 600, 0), new DepotStock(B, "KIT", atB, 0)), List.of(), List.of(),
                List.of(), new TravelMatrix(Map.of()), parcels, List.of(), List.of(), List.of(),
                new PlanningWeights(2, 1000, 100, 60, HardMediumSoftLongScore.ofMedium(1)));
        problem.startFromPrevious();

        SolverConfig config = SolverConfig.createFromXmlResource("solverConfig.xml");
        DeploymentPlan solved = SolverFactory.<DeploymentPlan>create(config.copyConfig()
                .withTerminationSpentLimit(Duration.ofSeconds(2))).buildSolver().solve(problem);
        DeploymentPlan best = RevertPass.solverFactory(config).buildSolver().solve(solved);

        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getParcels()).filteredOn(p -> p.getDemand() == critical)
                .as("critical demand is met").allSatisfy(p -> assertThat(p.getSource()).isNotNull());
        assertThat(best.changedFromPrevious()).isEqualTo(expectedChanges);
    }
}
