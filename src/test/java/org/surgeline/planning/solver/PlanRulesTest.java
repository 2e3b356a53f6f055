package org.surgeline.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The planner's rules as the service runs them (solverConfig.xml), on problems small enough to
 * know the right answer.
 */
class PlanRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final PlanDepot HOUMA = new PlanDepot("WH-141081", "141081");
    private static final PlanDepot HONGTONG = new PlanDepot("WH-141024", "141024");
    private static final TravelMatrix TRAVEL = new TravelMatrix(Map.of(
            "141081", Map.of("141024", 70, "141026", 20),
            "141024", Map.of("141081", 70, "141026", 30),
            "141026", Map.of("141081", 40, "141024", 30)));

    private static DeploymentPlan solve(List<PlanDepot> depots, List<DepotStock> stock, List<SupplyParcel> parcels) {
        DeploymentPlan problem = new DeploymentPlan(DAY, 7, depots, stock, List.of(), List.of(), List.of(), TRAVEL,
                parcels, List.of(), List.of(), List.of(), new PlanningWeights());
        SolverConfig config = SolverConfig.createFromXmlResource("solverConfig.xml");
        return SolverFactory.<DeploymentPlan>create(config.copyConfig().withTerminationConfig(new TerminationConfig()
                        .withUnimprovedSpentLimit(Duration.ofSeconds(1)).withSpentLimit(Duration.ofSeconds(10))))
                .buildSolver().solve(problem);
    }

    private static long shipped(DeploymentPlan plan, Demand demand) {
        return plan.getParcels().stream().filter(p -> p.getDemand() == demand && p.getSource() != null)
                .mapToLong(SupplyParcel::getUnits).sum();
    }

    @Test
    void routineDemandNeverCrossesAReserveFloorWhileUrgentDemandMay() {
        // 600 can leave Houma above its floor; a routine parcel of 1,000 would take it 400 below.
        DepotStock masks = new DepotStock(HOUMA, "MASK-N95", 1_600, 1_000);
        Demand routine = new Demand(1, 1, 1, "141026", 1);
        DeploymentPlan plan = solve(List.of(HOUMA), List.of(masks),
                List.of(new SupplyParcel("r", routine, "MASK-N95", 1_000, null)));
        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(shipped(plan, routine)).as("routine demand stays above the floor").isZero();

        Demand urgent = new Demand(2, 2, 1, "141026", 3);
        plan = solve(List.of(HOUMA), List.of(masks), List.of(new SupplyParcel("u", urgent, "MASK-N95", 1_000, null)));
        assertThat(shipped(plan, urgent)).as("urgent demand may cross at its penalty").isEqualTo(1_000);
        assertThat(plan.getScore().mediumScore()).isEqualTo(-800);
    }

    @Test
    void stockThatExpiresBeforeTheNeedByDateIsNotSent() {
        // Houma is nearer Anze but its kits expire on day 12; Hongtong's last a year.
        Demand anze = new Demand(1, 1, 1, "141026", 3);
        DeploymentPlan plan = solve(List.of(HOUMA, HONGTONG), List.of(
                DepotStock.withLots(HOUMA, "KIT-PCR", 960, 0, Map.of(DAY.plusDays(11), 960L)),
                DepotStock.withLots(HONGTONG, "KIT-PCR", 960, 0, Map.of(DAY.plusDays(365), 960L))),
                List.of(new SupplyParcel("p", anze, "KIT-PCR", 960, null, DAY.plusDays(19 + 7), 20 * 24 * 60)));
        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(plan.getParcels().get(0).getSource()).isEqualTo(HONGTONG);
    }

    @Test
    void aCountyIsNeverSuppliedFromItsOwnDepots() {
        Demand hongtong = new Demand(1, 1, 1, "141024", 10);
        List<SupplyParcel> parcels = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parcels.add(new SupplyParcel("p" + i, hongtong, "KIT-PCR", 960, null));
        }
        DeploymentPlan plan = solve(List.of(HOUMA, HONGTONG), List.of(new DepotStock(HOUMA, "KIT-PCR", 1_920, 0),
                new DepotStock(HONGTONG, "KIT-PCR", 50_000, 0)), parcels);
        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(plan.getParcels()).noneSatisfy(p -> assertThat(p.getSource()).isEqualTo(HONGTONG));
        assertThat(shipped(plan, hongtong)).as("what other counties can give").isEqualTo(1_920);
    }
}
