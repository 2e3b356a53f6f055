package org.surgeline.planning.solver;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;
import org.surgeline.personnel.Skill;

/** One case that fires with the exact penalty and one that does not, per constraint. */
class DeploymentConstraintsTest {

    private static final ConstraintVerifier<DeploymentConstraints, DeploymentPlan> VERIFIER =
            ConstraintVerifier.build(new DeploymentConstraints(), DeploymentPlan.class, SupplyParcel.class,
                    TeamShift.class, BedBlock.class, SampleBatch.class)
                    // the implementation solverConfig.xml runs
                    .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final PlanDepot RESERVE = new PlanDepot("LF-RESERVE", "141002");
    private static final PlanDepot HOUMA = new PlanDepot("WH-141081", "141081");
    private static final Demand ROUTINE_HONGTONG = new Demand(1, 11, 1, "141024", 1);
    private static final Demand CRITICAL_HONGTONG = new Demand(2, 21, 1, "141024", 10);
    private static final PlanTeam SAMPLERS = new PlanTeam("SAMPLING-01", Skill.SAMPLING, "141002", Set.of(DAY.plusDays(2)));
    private static final TravelMatrix TRAVEL = new TravelMatrix(Map.of(
            "141002", Map.of("141024", 26, "141081", 55),
            "141081", Map.of("141024", 70, "141002", 55),
            "141024", Map.of("141002", 26, "141081", 70)));

    private static SupplyParcel parcel(String id, Demand demand, long units, PlanDepot source) {
        SupplyParcel parcel = new SupplyParcel(id, demand, "KIT-PCR", units, null);
        parcel.setSource(source);
        parcel.useTravel(TRAVEL);
        return parcel;
    }

    /** The stock and the parcels drawing on it: each parcel looks its depot's stock up, as in a plan. */
    private static Object[] stocked(DepotStock stock, SupplyParcel... parcels) {
        Object[] facts = new Object[parcels.length + 1];
        facts[0] = stock;
        for (int i = 0; i < parcels.length; i++) {
            parcels[i].useStock(Map.of(stock.depot(), stock));
            facts[i + 1] = parcels[i];
        }
        return facts;
    }

    private static TeamShift shift(String id, Demand demand, Skill skill, LocalDate date, PlanTeam team) {
        TeamShift shift = new TeamShift(id, demand, skill, date, null);
        shift.setTeam(team);
        shift.useTravel(TRAVEL);
        return shift;
    }

    // ---- Hard ----

    @Test
    void depotStockExceeded() {
        DepotStock stock = new DepotStock(RESERVE, "KIT-PCR", 1_500, 0);
        VERIFIER.verifyThat(DeploymentConstraints::depotStockExceeded)
                .given(stocked(stock, parcel("a", ROUTINE_HONGTONG, 960, RESERVE),
                        parcel("b", ROUTINE_HONGTONG, 960, RESERVE)))
                .penalizesBy(420);
        VERIFIER.verifyThat(DeploymentConstraints::depotStockExceeded)
                .given(stocked(stock, parcel("a", ROUTINE_HONGTONG, 960, RESERVE),
                        parcel("b", ROUTINE_HONGTONG, 540, RESERVE)))
                .penalizesBy(0);
    }

    @Test
    void teamDoubleBooked() {
        VERIFIER.verifyThat(DeploymentConstraints::teamDoubleBooked)
                .given(shift("a", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS),
                        shift("b", CRITICAL_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS),
                        shift("c", CRITICAL_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS))
                .penalizesBy(2);
        VERIFIER.verifyThat(DeploymentConstraints::teamDoubleBooked)
                .given(shift("a", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS),
                        shift("b", ROUTINE_HONGTONG, Skill.SAMPLING, DAY.plusDays(1), SAMPLERS))
                .penalizesBy(0);
    }

    @Test
    void teamLacksSkill() {
        VERIFIER.verifyThat(DeploymentConstraints::teamLacksSkill)
                .given(shift("a", ROUTINE_HONGTONG, Skill.MEDICAL, DAY, SAMPLERS)).penalizesBy(1);
        VERIFIER.verifyThat(DeploymentConstraints::teamLacksSkill)
                .given(shift("a", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS)).penalizesBy(0);
    }

    @Test
    void teamUnavailable() {
        VERIFIER.verifyThat(DeploymentConstraints::teamUnavailable)
                .given(shift("a", ROUTINE_HONGTONG, Skill.SAMPLING, DAY.plusDays(2), SAMPLERS)).penalizesBy(1);
        VERIFIER.verifyThat(DeploymentConstraints::teamUnavailable)
                .given(shift("a", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS)).penalizesBy(0);
    }

    @Test
    void labOverCapacity() {
        PlanLab lab = new PlanLab("LAB-141002-1", "141002", 6_000);
        SampleBatch a = new SampleBatch("a", ROUTINE_HONGTONG, DAY, 5_000, null);
        SampleBatch b = new SampleBatch("b", ROUTINE_HONGTONG, DAY, 3_000, null);
        a.setLab(lab);
        b.setLab(lab);
        VERIFIER.verifyThat(DeploymentConstraints::labOverCapacity).given(a, b).penalizesBy(2_000);
        SampleBatch nextDay = new SampleBatch("c", ROUTINE_HONGTONG, DAY.plusDays(1), 3_000, null);
        nextDay.setLab(lab);
        VERIFIER.verifyThat(DeploymentConstraints::labOverCapacity).given(a, nextDay).penalizesBy(0);
    }

    @Test
    void siteOverFreeBeds() {
        PlanSite site = new PlanSite("ISO-141002-1", "141002", 15);
        BedBlock a = new BedBlock("a", ROUTINE_HONGTONG, DAY, 10, null);
        BedBlock b = new BedBlock("b", CRITICAL_HONGTONG, DAY, 10, null);
        a.setSite(site);
        b.setSite(site);
        VERIFIER.verifyThat(DeploymentConstraints::siteOverFreeBeds).given(a, b).penalizesBy(5);
        b.setSite(null);
        VERIFIER.verifyThat(DeploymentConstraints::siteOverFreeBeds).given(a, b).penalizesBy(0);
    }

    @Test
    void routineDemandBelowAReserveFloor() {
        DepotStock stock = new DepotStock(HOUMA, "KIT-PCR", 2_500, 1_500);
        // 1,000 above the floor: the critical 960 take it first, the routine 960 would cross by 920.
        VERIFIER.verifyThat(DeploymentConstraints::routineBelowReserveFloor)
                .given(stocked(stock, parcel("a", CRITICAL_HONGTONG, 960, HOUMA),
                        parcel("b", ROUTINE_HONGTONG, 960, HOUMA)))
                .penalizesBy(920);
        VERIFIER.verifyThat(DeploymentConstraints::routineBelowReserveFloor)
                .given(stocked(stock, parcel("a", ROUTINE_HONGTONG, 960, HOUMA))).penalizesBy(0);
        VERIFIER.verifyThat(DeploymentConstraints::routineBelowReserveFloor)
                .given(stocked(stock, parcel("a", CRITICAL_HONGTONG, 960, HOUMA),
                        parcel("b", CRITICAL_HONGTONG, 960, HOUMA)))
                .penalizesBy(0); // urgent and critical demand may cross, at the medium penalty
    }

    @Test
    void suppliedFromItsOwnCounty() {
        PlanDepot hongtong = new PlanDepot("WH-141024", "141024");
        VERIFIER.verifyThat(DeploymentConstraints::suppliedFromOwnCounty)
                .given(parcel("a", ROUTINE_HONGTONG, 960, hongtong)).penalizesBy(960);
        VERIFIER.verifyThat(DeploymentConstraints::suppliedFromOwnCounty)
                .given(parcel("a", ROUTINE_HONGTONG, 960, HOUMA)).penalizesBy(0);
    }

    @Test
    void stockExpiresBeforeItIsNeeded() {
        // Houma: 960 expiring on day 10, 2,000 lasting to day 400.
        DepotStock stock = DepotStock.withLots(HOUMA, "KIT-PCR", 2_960, 0,
                Map.of(DAY.plusDays(10), 960L, DAY.plusDays(400), 2_000L));
        SupplyParcel late = new SupplyParcel("a", CRITICAL_HONGTONG, "KIT-PCR", 960, null, DAY.plusDays(20), 10_000);
        SupplyParcel late2 = new SupplyParcel("b", CRITICAL_HONGTONG, "KIT-PCR", 960, null, DAY.plusDays(20), 10_000);
        SupplyParcel late3 = new SupplyParcel("c", CRITICAL_HONGTONG, "KIT-PCR", 960, null, DAY.plusDays(20), 10_000);
        SupplyParcel soon = new SupplyParcel("d", CRITICAL_HONGTONG, "KIT-PCR", 960, null, DAY.plusDays(5), 10_000);
        late.setSource(HOUMA);
        late2.setSource(HOUMA);
        late3.setSource(HOUMA);
        soon.setSource(HOUMA);
        // Three parcels needed past day 10 and only 2,000 lasting: 880 short.
        VERIFIER.verifyThat(DeploymentConstraints::stockExpiresTooSoon).given(stocked(stock, late, late2, late3))
                .penalizesBy(880);
        // Two needed late, one soon: the soon one takes the short-dated lot.
        VERIFIER.verifyThat(DeploymentConstraints::stockExpiresTooSoon).given(stocked(stock, late, late2, soon))
                .penalizesBy(0);
    }

    @Test
    void parcelArrivesAfterItIsNeeded() {
        SupplyParcel overdue = new SupplyParcel("a", CRITICAL_HONGTONG, "KIT-PCR", 960, null, null, 0);
        overdue.setSource(HOUMA);
        overdue.useTravel(TRAVEL);
        VERIFIER.verifyThat(DeploymentConstraints::arrivesTooLate).given(overdue).penalizesBy(960);
        SupplyParcel tomorrow = new SupplyParcel("b", CRITICAL_HONGTONG, "KIT-PCR", 960, null, null, 2 * 24 * 60);
        tomorrow.setSource(HOUMA);
        tomorrow.useTravel(TRAVEL);
        VERIFIER.verifyThat(DeploymentConstraints::arrivesTooLate).given(tomorrow).penalizesBy(0);
    }

    @Test
    void capacityIsPerDayFromTheForecast() {
        // Rooms under conversion are ready from day 3: no bed before, 20 from then on.
        PlanSite converting = new PlanSite("ISO-141025-9", "141025", 0, Map.of(DAY.plusDays(2), 20L));
        BedBlock early = new BedBlock("a", CRITICAL_HONGTONG, DAY.plusDays(1), 10, null);
        early.setSite(converting);
        VERIFIER.verifyThat(DeploymentConstraints::siteOverFreeBeds).given(early).penalizesBy(10);
        BedBlock ready = new BedBlock("b", CRITICAL_HONGTONG, DAY.plusDays(2), 10, null);
        ready.setSite(converting);
        VERIFIER.verifyThat(DeploymentConstraints::siteOverFreeBeds).given(ready).penalizesBy(0);
        // A lab that works off its backlog on day 1 has spare capacity from day 2.
        PlanLab lab = new PlanLab("LAB-141024-2", "141024", 0, Map.of(DAY.plusDays(1), 3_000L));
        SampleBatch first = new SampleBatch("c", CRITICAL_HONGTONG, DAY, 1_000, null);
        first.setLab(lab);
        SampleBatch second = new SampleBatch("d", CRITICAL_HONGTONG, DAY.plusDays(1), 1_000, null);
        second.setLab(lab);
        VERIFIER.verifyThat(DeploymentConstraints::labOverCapacity).given(first, second).penalizesBy(1_000);
    }

    // ---- Medium ----

    @Test
    void unmetSupplyIsWeightedByPriority() {
        VERIFIER.verifyThat(DeploymentConstraints::unmetSupply)
                .given(parcel("a", ROUTINE_HONGTONG, 960, null), parcel("b", CRITICAL_HONGTONG, 100, null))
                .penalizesBy(960 + 100 * 10);
        VERIFIER.verifyThat(DeploymentConstraints::unmetSupply)
                .given(parcel("a", ROUTINE_HONGTONG, 960, RESERVE)).penalizesBy(0);
    }

    @Test
    void reserveFloorBreached() {
        DepotStock stock = new DepotStock(HOUMA, "KIT-PCR", 2_000, 1_500);
        VERIFIER.verifyThat(DeploymentConstraints::reserveFloorBreached)
                .given(stocked(stock, parcel("a", CRITICAL_HONGTONG, 960, HOUMA))).penalizesBy(460);
        VERIFIER.verifyThat(DeploymentConstraints::reserveFloorBreached)
                .given(stocked(stock, parcel("a", CRITICAL_HONGTONG, 500, HOUMA))).penalizesBy(0);
    }

    @Test
    void unfilledTeamShift() {
        VERIFIER.verifyThat(DeploymentConstraints::unfilledTeamShift)
                .given(shift("a", CRITICAL_HONGTONG, Skill.SAMPLING, DAY, null)).penalizesBy(10);
        VERIFIER.verifyThat(DeploymentConstraints::unfilledTeamShift)
                .given(shift("a", CRITICAL_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS)).penalizesBy(0);
    }

    @Test
    void unplacedIsolationBeds() {
        VERIFIER.verifyThat(DeploymentConstraints::unplacedIsolationBeds)
                .given(new BedBlock("a", CRITICAL_HONGTONG, DAY, 7, null)).penalizesBy(70);
        BedBlock placed = new BedBlock("a", CRITICAL_HONGTONG, DAY, 7, null);
        placed.setSite(new PlanSite("S", "141002", 50));
        VERIFIER.verifyThat(DeploymentConstraints::unplacedIsolationBeds).given(placed).penalizesBy(0);
    }

    @Test
    void unroutedSamplesCountPerHundred() {
        VERIFIER.verifyThat(DeploymentConstraints::unroutedSamples)
                .given(new SampleBatch("a", CRITICAL_HONGTONG, DAY, 4_901, null)).penalizesBy(50 * 10);
        SampleBatch routed = new SampleBatch("a", CRITICAL_HONGTONG, DAY, 4_901, null);
        routed.setLab(new PlanLab("L", "141002", 10_000));
        VERIFIER.verifyThat(DeploymentConstraints::unroutedSamples).given(routed).penalizesBy(0);
    }

    // ---- Soft ----

    @Test
    void supplyTravel() {
        VERIFIER.verifyThat(DeploymentConstraints::supplyTravel)
                .given(parcel("a", ROUTINE_HONGTONG, 960, HOUMA), parcel("b", ROUTINE_HONGTONG, 960, RESERVE))
                .penalizesBy(70 + 26);
        VERIFIER.verifyThat(DeploymentConstraints::supplyTravel)
                .given(parcel("a", new Demand(3, 31, 1, "141002", 1), 960, RESERVE)).penalizesBy(0);
    }

    @Test
    void teamTravelAndCountyChanges() {
        TeamShift monday = shift("a", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS);
        TeamShift tuesday = shift("b", new Demand(3, 31, 1, "141081", 1), Skill.SAMPLING, DAY.plusDays(1), SAMPLERS);
        VERIFIER.verifyThat(DeploymentConstraints::teamTravel).given(monday, tuesday).penalizesBy(26 + 55);
        VERIFIER.verifyThat(DeploymentConstraints::teamCountyChange).given(monday, tuesday).penalizesBy(1);
        TeamShift tuesdayInHongtong = shift("c", ROUTINE_HONGTONG, Skill.SAMPLING, DAY.plusDays(1), SAMPLERS);
        VERIFIER.verifyThat(DeploymentConstraints::teamCountyChange).given(monday, tuesdayInHongtong).penalizesBy(0);
        VERIFIER.verifyThat(DeploymentConstraints::teamTravel)
                .given(shift("d", new Demand(3, 31, 1, "141002", 1), Skill.SAMPLING, DAY, SAMPLERS))
                .penalizesBy(0);
    }

    @Test
    void isolationAndSampleTravel() {
        BedBlock block = new BedBlock("a", ROUTINE_HONGTONG, DAY, 10, null);
        block.useTravel(TRAVEL);
        block.setSite(new PlanSite("ISO-141081-1", "141081", 40));
        VERIFIER.verifyThat(DeploymentConstraints::isolationTravel).given(block).penalizesBy(70);
        block.setSite(new PlanSite("ISO-141024-1", "141024", 40));
        VERIFIER.verifyThat(DeploymentConstraints::isolationTravel).given(block).penalizesBy(0);
        SampleBatch batch = new SampleBatch("b", ROUTINE_HONGTONG, DAY, 5_000, null);
        batch.useTravel(TRAVEL);
        batch.setLab(new PlanLab("LAB-141002-1", "141002", 10_000));
        VERIFIER.verifyThat(DeploymentConstraints::sampleTravel).given(batch).penalizesBy(26);
        batch.setLab(new PlanLab("LAB-141024-1", "141024", 10_000));
        VERIFIER.verifyThat(DeploymentConstraints::sampleTravel).given(batch).penalizesBy(0);
    }

    @Test
    void planStabilityCountsChangedAssignments() {
        SupplyParcel moved = new SupplyParcel("a", ROUTINE_HONGTONG, "KIT-PCR", 960, "WH-141081");
        moved.setSource(RESERVE);
        SupplyParcel dropped = new SupplyParcel("b", ROUTINE_HONGTONG, "KIT-PCR", 960, "LF-RESERVE");
        SupplyParcel kept = new SupplyParcel("c", ROUTINE_HONGTONG, "KIT-PCR", 960, "LF-RESERVE");
        kept.setSource(RESERVE);
        VERIFIER.verifyThat(DeploymentConstraints::supplyStability).given(moved, dropped, kept).penalizesBy(2);
        TeamShift changed = new TeamShift("s", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, "SAMPLING-02");
        changed.setTeam(SAMPLERS);
        VERIFIER.verifyThat(DeploymentConstraints::teamStability).given(changed).penalizesBy(1);
        TeamShift same = new TeamShift("t", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, "SAMPLING-01");
        same.setTeam(SAMPLERS);
        VERIFIER.verifyThat(DeploymentConstraints::teamStability).given(same).penalizesBy(0);
        BedBlock bed = new BedBlock("u", ROUTINE_HONGTONG, DAY, 5, "ISO-1");
        VERIFIER.verifyThat(DeploymentConstraints::bedStability).given(bed).penalizesBy(1);
        SampleBatch batch = new SampleBatch("v", ROUTINE_HONGTONG, DAY, 5, null);
        VERIFIER.verifyThat(DeploymentConstraints::sampleStability).given(batch).penalizesBy(0);
    }

    @Test
    void workloadFairnessSquaresShiftsPerTeam() {
        VERIFIER.verifyThat(DeploymentConstraints::workloadFairness)
                .given(shift("a", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, SAMPLERS),
                        shift("b", ROUTINE_HONGTONG, Skill.SAMPLING, DAY.plusDays(1), SAMPLERS),
                        shift("c", ROUTINE_HONGTONG, Skill.SAMPLING, DAY.plusDays(3), SAMPLERS))
                .penalizesBy(9);
        VERIFIER.verifyThat(DeploymentConstraints::workloadFairness)
                .given(shift("a", ROUTINE_HONGTONG, Skill.SAMPLING, DAY, null)).penalizesBy(0);
    }
}
