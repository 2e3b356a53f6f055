package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The solver's view of one planning problem: a snapshot of stock, teams, sites and labs, the
 * demand of approved requests cut into entities, and the assignment the solver searches for.
 * Built from the other contexts by {@code PlanningSnapshot}; never stored as such.
 */
@PlanningSolution
public class DeploymentPlan {

    private LocalDate planDate;
    private int horizonDays;

    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "depots")
    private List<PlanDepot> depots;
    @ProblemFactCollectionProperty
    private List<DepotStock> stock;
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "teams")
    private List<PlanTeam> teams;
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "sites")
    private List<PlanSite> sites;
    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = "labs")
    private List<PlanLab> labs;
    @ProblemFactProperty
    private TravelMatrix travel;

    @PlanningEntityCollectionProperty
    private List<SupplyParcel> parcels;
    @PlanningEntityCollectionProperty
    private List<TeamShift> shifts;
    @PlanningEntityCollectionProperty
    private List<BedBlock> bedBlocks;
    @PlanningEntityCollectionProperty
    private List<SampleBatch> sampleBatches;

    @ConstraintConfigurationProvider
    private PlanningWeights weights;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public DeploymentPlan() {
    }

    public DeploymentPlan(LocalDate planDate, int horizonDays, List<PlanDepot> depots, List<DepotStock> stock,
            List<PlanTeam> teams, List<PlanSite> sites, List<PlanLab> labs, TravelMatrix travel,
            List<SupplyParcel> parcels, List<TeamShift> shifts, List<BedBlock> bedBlocks,
            List<SampleBatch> sampleBatches, PlanningWeights weights) {
        this.weights = weights;
        this.planDate = planDate;
        this.horizonDays = horizonDays;
        this.depots = depots;
        this.stock = stock;
        this.teams = teams;
        this.sites = sites;
        this.labs = labs;
        this.travel = travel;
        this.parcels = parcels;
        this.shifts = shifts;
        this.bedBlocks = bedBlocks;
        this.sampleBatches = sampleBatches;
        Map<String, Map<PlanDepot, DepotStock>> stockByItem = new HashMap<>();
        stock.forEach(s -> stockByItem.computeIfAbsent(s.item(), item -> new HashMap<>()).put(s.depot(), s));
        parcels.forEach(p -> {
            p.useTravel(travel);
            p.useStock(stockByItem.getOrDefault(p.getItem(), Map.of()));
        });
        shifts.forEach(s -> s.useTravel(travel));
        bedBlocks.forEach(b -> b.useTravel(travel));
        sampleBatches.forEach(b -> b.useTravel(travel));
    }

    public LocalDate getPlanDate() { return planDate; }
    public int getHorizonDays() { return horizonDays; }
    public List<PlanDepot> getDepots() { return depots; }
    public List<DepotStock> getStock() { return stock; }
    public List<PlanTeam> getTeams() { return teams; }
    public List<PlanSite> getSites() { return sites; }
    public List<PlanLab> getLabs() { return labs; }
    public TravelMatrix getTravel() { return travel; }
    public List<SupplyParcel> getParcels() { return parcels; }
    public List<TeamShift> getShifts() { return shifts; }
    public List<BedBlock> getBedBlocks() { return bedBlocks; }
    public List<SampleBatch> getSampleBatches() { return sampleBatches; }
    public PlanningWeights getWeights() { return weights; }
    public HardMediumSoftLongScore getScore() { return score; }

    /**
     * Warm start: every entity starts where the previous plan put it, if that is still possible,
     * so the solver only has to place what is new. Team days on the plan date are already being
     * worked: they stay pinned.
     */
    public void startFromPrevious() {
        Map<String, PlanDepot> depotsByCode = byCode(depots, PlanDepot::code);
        Map<String, PlanTeam> teamsByCode = byCode(teams, PlanTeam::code);
        Map<String, PlanSite> sitesByCode = byCode(sites, PlanSite::code);
        Map<String, PlanLab> labsByCode = byCode(labs, PlanLab::code);
        parcels.forEach(p -> p.setSource(depotsByCode.get(p.getPreviousDepot())));
        for (TeamShift shift : shifts) {
            PlanTeam team = teamsByCode.get(shift.getPreviousTeam());
            if (team != null && !team.availableOn(shift.getDate())) {
                // The team fell out (sick, on leave): exactly what a rebalance has to replace.
                team = null;
            }
            shift.setTeam(team);
            shift.setPinned(team != null && shift.getDate().equals(planDate));
        }
        bedBlocks.forEach(b -> b.setSite(sitesByCode.get(b.getPreviousSite())));
        sampleBatches.forEach(b -> b.setLab(labsByCode.get(b.getPreviousLab())));
    }

    static <T> Map<String, T> byCode(List<T> values, Function<T, String> code) {
        Map<String, T> byCode = new HashMap<>();
        values.forEach(v -> byCode.put(code.apply(v), v));
        return byCode;
    }

    /** Assignments of the previous plan that this one moves elsewhere or leaves unassigned. */
    public int changedFromPrevious() {
        return (int) (parcels.stream().filter(SupplyParcel::isMoved).count()
                + shifts.stream().filter(TeamShift::isMoved).count()
                + bedBlocks.stream().filter(BedBlock::isMoved).count()
                + sampleBatches.stream().filter(SampleBatch::isMoved).count());
    }
    public void setScore(HardMediumSoftLongScore score) { this.score = score; }
}
