package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.surgeline.planning.solver.Demand;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.DepotStock;
import org.surgeline.planning.solver.PlanDepot;
import org.surgeline.planning.solver.PlanningWeights;
import org.surgeline.planning.solver.SupplyParcel;
import org.surgeline.planning.solver.TravelMatrix;
import org.surgeline.request.LineKind;

/** Every line explained in its units, with sentences that count only what they say they count. */
class PlanExplanationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final PlanDepot HOUMA = new PlanDepot("WH-141081", "141081");

    @Test
    void otherRequestsOfEqualOrHigherPriorityCountOnlyThose() {
        Demand routine = new Demand(1, 11, 1, "141026", 1);
        Demand urgent = new Demand(2, 21, 1, "141024", 3);
        SupplyParcel toRoutine = new SupplyParcel("r", routine, "KIT-PCR", 1_000, null);
        toRoutine.setSource(HOUMA);
        SupplyParcel toUrgent = new SupplyParcel("u0", urgent, "KIT-PCR", 1_000, null);
        toUrgent.setSource(HOUMA);
        SupplyParcel unmet = new SupplyParcel("u1", urgent, "KIT-PCR", 1_000, null);
        DeploymentPlan plan = new DeploymentPlan(DAY, 7, List.of(HOUMA),
                List.of(new DepotStock(HOUMA, "KIT-PCR", 2_000, 0)), List.of(), List.of(), List.of(),
                new TravelMatrix(Map.of()), List.of(toRoutine, toUrgent, unmet), List.of(), List.of(), List.of(),
                new PlanningWeights());
        PlanFacts facts = new PlanFacts(List.of(
                new PlanFacts.Line(1, 11, 1, "141026", LineKind.SUPPLY, 1, true, "KIT-PCR", 1_000, 0, 0, 0, 0),
                new PlanFacts.Line(2, 21, 1, "141024", LineKind.SUPPLY, 3, false, "KIT-PCR", 2_500, 500, 0, 0, 0)),
                List.of(), List.of(), List.of(), List.of());
        SolutionManager<DeploymentPlan, HardMediumSoftLongScore> solutions = SolutionManager.create(
                SolverFactory.create(SolverConfig.createFromXmlResource("solverConfig.xml")));
        PlanResult result = PlanResults.of(plan, facts, solutions.explain(plan));

        PlanResult.LineExplanation line = result.explanation().stream().filter(l -> l.requestId() == 2).findFirst()
                .orElseThrow();
        assertThat(line.asked()).isEqualTo(2_500);
        assertThat(line.earlier() + line.ownCapacity() + line.met() + line.unmet() + line.beyondHorizon())
                .isEqualTo(line.asked());
        assertThat(line.reasons()).anySatisfy(r -> assertThat(r).startsWith("2,500 KIT-PCR asked: 500 already dispatched, "
                + "1,000 planned, 1,000 unmet"));
        assertThat(String.join(" ", line.reasons()))
                .as("the 1,000 shipped to a routine request are not of equal or higher priority")
                .contains("0 go to other requests of equal or higher priority");
    }

    @Test
    void urgentDemandThatCrossesAFloorSaysWhereAndByHowMuch() {
        Demand urgent = new Demand(2, 21, 1, "141026", 3);
        SupplyParcel parcel = new SupplyParcel("u0", urgent, "MASK-N95", 1_000, null);
        parcel.setSource(HOUMA);
        DeploymentPlan plan = new DeploymentPlan(DAY, 7, List.of(HOUMA),
                List.of(new DepotStock(HOUMA, "MASK-N95", 1_600, 1_000)), List.of(), List.of(), List.of(),
                new TravelMatrix(Map.of()), List.of(parcel), List.of(), List.of(), List.of(), new PlanningWeights());
        PlanFacts facts = new PlanFacts(List.of(
                new PlanFacts.Line(2, 21, 1, "141026", LineKind.SUPPLY, 3, false, "MASK-N95", 1_000, 0, 0, 0, 0)),
                List.of(), List.of(), List.of(), List.of());
        PlanResult.LineExplanation line = PlanResults.of(plan, facts, SolutionManager.<DeploymentPlan,
                HardMediumSoftLongScore>create(SolverFactory.create(SolverConfig.createFromXmlResource("solverConfig.xml")))
                .explain(plan)).explanation().get(0);
        assertThat(line.reasons()).contains("as its priority allows, this plan draws WH-141081 400 below its reserve "
                + "floor of 1,000 MASK-N95");
        assertThat(line.countyReasons()).noneSatisfy(r -> assertThat(r).contains("WH-141081"));
    }
}
