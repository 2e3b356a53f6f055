package org.surgeline.planning.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.compose;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toSortedMap;

import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.surgeline.planning.solver.Justifications.CapacityJustification;
import org.surgeline.planning.solver.Justifications.DepotStockJustification;
import org.surgeline.planning.solver.Justifications.StabilityJustification;
import org.surgeline.planning.solver.Justifications.TeamJustification;
import org.surgeline.planning.solver.Justifications.TravelJustification;
import org.surgeline.planning.solver.Justifications.UnmetJustification;
import org.surgeline.planning.solver.Justifications.WorkloadJustification;

/**
 * The deployment plan's rules. Hard: what is physically impossible. Medium: service level (unmet
 * demand weighted by priority, reserve floors). Soft: efficiency and stability. Every weight is in
 * {@link PlanningWeights}.
 */
public class DeploymentConstraints implements ConstraintProvider {

    static final String DEPOT_STOCK_EXCEEDED = "Depot stock exceeded";
    static final String TEAM_DOUBLE_BOOKED = "Team double-booked";
    static final String TEAM_LACKS_SKILL = "Team lacks skill";
    static final String TEAM_UNAVAILABLE = "Team unavailable that day";
    static final String LAB_OVER_CAPACITY = "Lab over capacity";
    static final String SITE_OVER_FREE_BEDS = "Isolation site over free beds";
    static final String ROUTINE_BELOW_FLOOR = "Routine demand below a reserve floor";
    static final String OWN_COUNTY_SOURCE = "Supplied from its own county";
    static final String STOCK_EXPIRES_TOO_SOON = "Stock expires before it is needed";
    static final String ARRIVES_TOO_LATE = "Parcel arrives after it is needed";
    static final String UNMET_SUPPLY = "Unmet supply";
    static final String RESERVE_FLOOR_BREACHED = "Reserve floor breached";
    static final String UNFILLED_TEAM_SHIFT = "Unfilled team shift";
    static final String UNPLACED_ISOLATION_BEDS = "Unplaced isolation beds";
    static final String UNROUTED_SAMPLES = "Unrouted samples";
    static final String SUPPLY_TRAVEL = "Supply travel";
    static final String TEAM_TRAVEL = "Team travel";
    static final String TEAM_COUNTY_CHANGE = "Team changes county";
    static final String ISOLATION_TRAVEL = "Isolation travel";
    static final String SAMPLE_TRAVEL = "Sample travel";
    static final String SUPPLY_STABILITY = "Plan stability: supplies";
    static final String TEAM_STABILITY = "Plan stability: teams";
    static final String BED_STABILITY = "Plan stability: beds";
    static final String SAMPLE_STABILITY = "Plan stability: samples";
    static final String WORKLOAD_FAIRNESS = "Workload fairness";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        // One stream of shipped units per stock feeds its three limits: OptaPlanner 10's Bavet does
        // not share equal groupBy nodes, so each constraint building its own would group every
        // parcel move three times (docs/benchmarks.md).
        BiConstraintStream<DepotStock, Shipped> shipped = shipped(factory);
        return new Constraint[] {
            depotStockExceeded(shipped), teamDoubleBooked(factory), teamLacksSkill(factory),
            teamUnavailable(factory), labOverCapacity(factory), siteOverFreeBeds(factory),
            routineBelowReserveFloor(shipped), suppliedFromOwnCounty(factory), stockExpiresTooSoon(factory),
            arrivesTooLate(factory),
            unmetSupply(factory), reserveFloorBreached(shipped), unfilledTeamShift(factory),
            unplacedIsolationBeds(factory), unroutedSamples(factory),
            supplyTravel(factory), teamTravel(factory), teamCountyChange(factory), isolationTravel(factory),
            sampleTravel(factory), supplyStability(factory), teamStability(factory), bedStability(factory),
            sampleStability(factory), workloadFairness(factory)
        };
    }

    /** Units the plan takes from one depot's stock of an item: all of them, and those of ROUTINE demand. */
    record Shipped(long units, long routineUnits) {
    }

    /** Parcels grouped by the stock they draw on (none for a depot that holds none of the item). */
    private static BiConstraintStream<DepotStock, Shipped> shipped(ConstraintFactory factory) {
        return factory.forEach(SupplyParcel.class)
                .groupBy(SupplyParcel::stock,
                        compose(sumLong(SupplyParcel::getUnits),
                                sumLong(p -> p.getDemand().routine() ? p.getUnits() : 0L), Shipped::new))
                .filter((stock, shipped) -> stock != null);
    }

    // ---- Hard ---------------------------------------------------------------------------------

    Constraint depotStockExceeded(ConstraintFactory factory) {
        return depotStockExceeded(shipped(factory));
    }

    private static Constraint depotStockExceeded(BiConstraintStream<DepotStock, Shipped> byStock) {
        return byStock
                .filter((stock, shipped) -> shipped.units() > stock.available())
                .penalizeConfigurableLong((stock, shipped) -> shipped.units() - stock.available())
                .justifyWith((stock, shipped, score) -> new DepotStockJustification(stock.depot().code(),
                        stock.depot().county(), stock.item(), shipped.units(), stock.available(), "Depot "
                        + stock.depot().code() + " (county " + stock.depot().county() + ") would ship "
                        + shipped.units() + " " + stock.item() + " but has only " + stock.available() + " available"))
                .asConstraint(DEPOT_STOCK_EXCEEDED);
    }

    Constraint teamDoubleBooked(ConstraintFactory factory) {
        return factory.forEach(TeamShift.class)
                .groupBy(TeamShift::getTeam, TeamShift::getDate, count())
                .filter((team, date, shifts) -> shifts > 1)
                .penalizeConfigurableLong((team, date, shifts) -> shifts - 1L)
                .justifyWith((team, date, shifts, score) -> new TeamJustification(team.code(), team.homeCounty(),
                        date, "Team " + team.code() + " is booked for " + shifts + " shifts on " + date))
                .asConstraint(TEAM_DOUBLE_BOOKED);
    }

    Constraint teamLacksSkill(ConstraintFactory factory) {
        return factory.forEach(TeamShift.class)
                .filter(shift -> shift.getTeam().skill() != shift.getSkill())
                .penalizeConfigurableLong(shift -> 1L)
                .justifyWith((shift, score) -> new TeamJustification(shift.getTeam().code(),
                        shift.getDemand().county(), shift.getDate(), "Team " + shift.getTeam().code() + " is a "
                        + shift.getTeam().skill() + " team; county " + shift.getDemand().county() + " asked for "
                        + shift.getSkill() + " on " + shift.getDate()))
                .asConstraint(TEAM_LACKS_SKILL);
    }

    Constraint teamUnavailable(ConstraintFactory factory) {
        return factory.forEach(TeamShift.class)
                .filter(shift -> !shift.getTeam().availableOn(shift.getDate()))
                .penalizeConfigurableLong(shift -> 1L)
                .justifyWith((shift, score) -> new TeamJustification(shift.getTeam().code(),
                        shift.getDemand().county(), shift.getDate(), "Team " + shift.getTeam().code()
                        + " is off on " + shift.getDate()))
                .asConstraint(TEAM_UNAVAILABLE);
    }

    Constraint labOverCapacity(ConstraintFactory factory) {
        return factory.forEach(SampleBatch.class)
                .groupBy(SampleBatch::getLab, SampleBatch::getDate, sumLong(SampleBatch::getSamples))
                .filter((lab, date, samples) -> samples > lab.spareSamplesOn(date))
                .penalizeConfigurableLong((lab, date, samples) -> samples - lab.spareSamplesOn(date))
                .justifyWith((lab, date, samples, score) -> new CapacityJustification(lab.code(), lab.county(), date,
                        samples, lab.spareSamplesOn(date), "Lab " + lab.code() + " (county " + lab.county()
                        + ") would get " + samples + " extra samples on " + date + " but can take "
                        + lab.spareSamplesOn(date)))
                .asConstraint(LAB_OVER_CAPACITY);
    }

    Constraint siteOverFreeBeds(ConstraintFactory factory) {
        return factory.forEach(BedBlock.class)
                .groupBy(BedBlock::getSite, BedBlock::getDate, sumLong(BedBlock::getBeds))
                .filter((site, date, beds) -> beds > site.freeBedsOn(date))
                .penalizeConfigurableLong((site, date, beds) -> beds - site.freeBedsOn(date))
                .justifyWith((site, date, beds, score) -> new CapacityJustification(site.code(), site.county(), date,
                        beds, site.freeBedsOn(date), "Site " + site.code() + " (county " + site.county()
                        + ") would house " + beds + " more people on " + date + " but has " + site.freeBedsOn(date)
                        + " free beds"))
                .asConstraint(SITE_OVER_FREE_BEDS);
    }

    /**
     * ROUTINE demand never draws a depot below its reserve floor: a rule, not a trade-off (at
     * medium level a routine parcel more than half above the floor would cross). The stock above
     * the floor goes to URGENT and CRITICAL parcels first; whatever of the crossing the routine
     * units could have avoided is penalized.
     */
    Constraint routineBelowReserveFloor(ConstraintFactory factory) {
        return routineBelowReserveFloor(shipped(factory));
    }

    private static Constraint routineBelowReserveFloor(BiConstraintStream<DepotStock, Shipped> byStock) {
        return byStock
                .filter((stock, shipped) -> routineBelowFloor(shipped, stock) > 0)
                .penalizeConfigurableLong((stock, shipped) -> routineBelowFloor(shipped, stock))
                .justifyWith((stock, shipped, score) -> new DepotStockJustification(stock.depot().code(),
                        stock.depot().county(), stock.item(), shipped.routineUnits(), stock.aboveFloor(),
                        "Routine demand would take depot " + stock.depot().code() + " (county "
                        + stock.depot().county() + ") " + routineBelowFloor(shipped, stock) + " " + stock.item()
                        + " below its reserve floor of " + stock.floor()))
                .asConstraint(ROUTINE_BELOW_FLOOR);
    }

    /** Units of routine demand below the floor. */
    private static long routineBelowFloor(Shipped shipped, DepotStock stock) {
        long belowFloor = shipped.units() - stock.aboveFloor();
        return belowFloor <= 0 ? 0 : Math.min(belowFloor, shipped.routineUnits());
    }

    /**
     * A county's own depots are not a source for its own request: shipping from them moves
     * nothing (travel inside a county is 0, and the stock is already there).
     */
    Constraint suppliedFromOwnCounty(ConstraintFactory factory) {
        return factory.forEach(SupplyParcel.class)
                .filter(parcel -> parcel.getSource().county().equals(parcel.getDemand().county()))
                .penalizeConfigurableLong(SupplyParcel::getUnits)
                .justifyWith((parcel, score) -> new DepotStockJustification(parcel.getSource().code(),
                        parcel.getSource().county(), parcel.getItem(), parcel.getUnits(), 0, "County "
                        + parcel.getDemand().county() + " would be supplied " + parcel.getUnits() + " "
                        + parcel.getItem() + " from its own depot " + parcel.getSource().code()))
                .asConstraint(OWN_COUNTY_SOURCE);
    }

    /**
     * Stock expiring before a parcel's need-by date (plus the margin) cannot serve it. Parcels of a
     * depot and item that need stock lasting until t or later can only use the stock lasting until
     * t; as these sets are nested, the parcels fit if and only if, for every such t, their units
     * do not exceed that stock. Penalized by the worst excess.
     */
    Constraint stockExpiresTooSoon(ConstraintFactory factory) {
        return factory.forEach(SupplyParcel.class)
                .filter(parcel -> parcel.getLastsUntil() != null)
                .groupBy(SupplyParcel::stock,
                        toSortedMap(SupplyParcel::getLastsUntil, SupplyParcel::getUnits, Long::sum))
                .filter((stock, units) -> stock != null && !stock.lastingFrom().isEmpty() && expiring(units, stock) > 0)
                .penalizeConfigurableLong((stock, units) -> expiring(units, stock))
                .justifyWith((stock, units, score) -> new DepotStockJustification(stock.depot().code(),
                        stock.depot().county(), stock.item(), units.values().stream().mapToLong(Long::longValue).sum(),
                        stock.available(), "Depot " + stock.depot().code() + " (county " + stock.depot().county()
                        + ") would ship " + expiring(units, stock) + " " + stock.item()
                        + " that expire before the requests need them"))
                .asConstraint(STOCK_EXPIRES_TOO_SOON);
    }

    /** The most units needing stock that lasts until some date beyond the stock that does. */
    private static long expiring(java.util.SortedMap<java.time.LocalDate, Long> units, DepotStock stock) {
        long needed = units.values().stream().mapToLong(Long::longValue).sum();
        long worst = 0;
        for (var e : units.entrySet()) {
            // needed: the units that need stock lasting until this date or later
            worst = Math.max(worst, needed - stock.lastingUntil(e.getKey()));
            needed -= e.getValue();
        }
        return worst;
    }

    /** A parcel whose depot is farther than the time left until the end of its need-by date. */
    Constraint arrivesTooLate(ConstraintFactory factory) {
        return factory.forEach(SupplyParcel.class)
                .filter(parcel -> parcel.getMinutesLeft() != Long.MAX_VALUE
                        && parcel.travelMinutes() > parcel.getMinutesLeft())
                .penalizeConfigurableLong(SupplyParcel::getUnits)
                .justifyWith((parcel, score) -> new TravelJustification(parcel.getSource().county(),
                        parcel.getDemand().county(), parcel.travelMinutes(), "A parcel of " + parcel.getUnits() + " "
                        + parcel.getItem() + " from county " + parcel.getSource().county() + " would reach county "
                        + parcel.getDemand().county() + " after its need-by date"))
                .asConstraint(ARRIVES_TOO_LATE);
    }

    // ---- Medium -------------------------------------------------------------------------------

    Constraint unmetSupply(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(SupplyParcel.class)
                .filter(parcel -> parcel.getSource() == null)
                .penalizeConfigurableLong(parcel -> parcel.getUnits() * parcel.getDemand().weight())
                .justifyWith((parcel, score) -> unmet(parcel.getDemand(), parcel.getUnits(),
                        parcel.getUnits() + " " + parcel.getItem()))
                .asConstraint(UNMET_SUPPLY);
    }

    Constraint reserveFloorBreached(ConstraintFactory factory) {
        return reserveFloorBreached(shipped(factory));
    }

    private static Constraint reserveFloorBreached(BiConstraintStream<DepotStock, Shipped> byStock) {
        return byStock
                .filter((stock, shipped) -> shipped.units() > stock.aboveFloor())
                .penalizeConfigurableLong((stock, shipped) -> shipped.units() - stock.aboveFloor())
                .justifyWith((stock, shipped, score) -> new DepotStockJustification(stock.depot().code(),
                        stock.depot().county(), stock.item(), shipped.units(), stock.aboveFloor(), "Depot "
                        + stock.depot().code() + " (county " + stock.depot().county()
                        + ") would go below its reserve floor of " + stock.floor() + " " + stock.item() + ": "
                        + stock.aboveFloor() + " can leave above the floor, the plan takes " + shipped.units()))
                .asConstraint(RESERVE_FLOOR_BREACHED);
    }

    Constraint unfilledTeamShift(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(TeamShift.class)
                .filter(shift -> shift.getTeam() == null)
                .penalizeConfigurableLong(shift -> shift.getDemand().weight())
                .justifyWith((shift, score) -> unmet(shift.getDemand(), 1,
                        "a " + shift.getSkill() + " team on " + shift.getDate()))
                .asConstraint(UNFILLED_TEAM_SHIFT);
    }

    Constraint unplacedIsolationBeds(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(BedBlock.class)
                .filter(block -> block.getSite() == null)
                .penalizeConfigurableLong(block -> block.getBeds() * block.getDemand().weight())
                .justifyWith((block, score) -> unmet(block.getDemand(), block.getBeds(),
                        block.getBeds() + " isolation beds on " + block.getDate()))
                .asConstraint(UNPLACED_ISOLATION_BEDS);
    }

    Constraint unroutedSamples(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(SampleBatch.class)
                .filter(batch -> batch.getLab() == null)
                .penalizeConfigurableLong(batch -> (batch.getSamples() + 99) / 100 * batch.getDemand().weight())
                .justifyWith((batch, score) -> unmet(batch.getDemand(), batch.getSamples(),
                        batch.getSamples() + " samples on " + batch.getDate()))
                .asConstraint(UNROUTED_SAMPLES);
    }

    private static UnmetJustification unmet(Demand demand, long quantity, String what) {
        return new UnmetJustification(demand.requestId(), demand.lineNo(), demand.county(), quantity,
                "County " + demand.county() + ": " + what + " unmet (request " + demand.requestId() + ", line "
                        + demand.lineNo() + ")");
    }

    // ---- Soft ---------------------------------------------------------------------------------

    Constraint supplyTravel(ConstraintFactory factory) {
        return factory.forEach(SupplyParcel.class)
                .penalizeConfigurableLong(SupplyParcel::travelMinutes)
                .justifyWith((parcel, score) -> travel(parcel.getSource().county(), parcel.getDemand().county(),
                        parcel.travelMinutes()))
                .asConstraint(SUPPLY_TRAVEL);
    }

    Constraint teamTravel(ConstraintFactory factory) {
        return factory.forEach(TeamShift.class)
                .penalizeConfigurableLong(TeamShift::travelMinutes)
                .justifyWith((shift, score) -> travel(shift.getTeam().homeCounty(), shift.getDemand().county(),
                        shift.travelMinutes()))
                .asConstraint(TEAM_TRAVEL);
    }

    Constraint teamCountyChange(ConstraintFactory factory) {
        return factory.forEach(TeamShift.class)
                .join(TeamShift.class, Joiners.equal(TeamShift::getTeam),
                        Joiners.equal(shift -> shift.getDate().plusDays(1), TeamShift::getDate))
                .filter((today, tomorrow) -> !today.getDemand().county().equals(tomorrow.getDemand().county()))
                .penalizeConfigurableLong((today, tomorrow) -> 1L)
                .justifyWith((today, tomorrow, score) -> new TeamJustification(today.getTeam().code(),
                        tomorrow.getDemand().county(), tomorrow.getDate(), "Team " + today.getTeam().code()
                        + " moves from county " + today.getDemand().county() + " to " + tomorrow.getDemand().county()
                        + " on " + tomorrow.getDate()))
                .asConstraint(TEAM_COUNTY_CHANGE);
    }

    Constraint isolationTravel(ConstraintFactory factory) {
        return factory.forEach(BedBlock.class)
                .penalizeConfigurableLong(BedBlock::travelMinutes)
                .justifyWith((block, score) -> travel(block.getDemand().county(), block.getSite().county(),
                        block.travelMinutes()))
                .asConstraint(ISOLATION_TRAVEL);
    }

    Constraint sampleTravel(ConstraintFactory factory) {
        return factory.forEach(SampleBatch.class)
                .penalizeConfigurableLong(SampleBatch::travelMinutes)
                .justifyWith((batch, score) -> travel(batch.getDemand().county(), batch.getLab().county(),
                        batch.travelMinutes()))
                .asConstraint(SAMPLE_TRAVEL);
    }

    private static TravelJustification travel(String from, String to, int minutes) {
        return new TravelJustification(from, to, minutes, minutes + " min from county " + from + " to " + to);
    }

    Constraint supplyStability(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(SupplyParcel.class)
                .filter(SupplyParcel::isMoved)
                .penalizeConfigurableLong(p -> 1L)
                .justifyWith((p, score) -> changed("Parcel " + p.getId(), p.getPreviousDepot(),
                        p.getSource() == null ? null : p.getSource().code()))
                .asConstraint(SUPPLY_STABILITY);
    }

    Constraint teamStability(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(TeamShift.class)
                .filter(TeamShift::isMoved)
                .penalizeConfigurableLong(s -> 1L)
                .justifyWith((s, score) -> changed("Shift " + s.getId(), s.getPreviousTeam(),
                        s.getTeam() == null ? null : s.getTeam().code()))
                .asConstraint(TEAM_STABILITY);
    }

    Constraint bedStability(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(BedBlock.class)
                .filter(BedBlock::isMoved)
                .penalizeConfigurableLong(b -> 1L)
                .justifyWith((b, score) -> changed("Bed block " + b.getId(), b.getPreviousSite(),
                        b.getSite() == null ? null : b.getSite().code()))
                .asConstraint(BED_STABILITY);
    }

    Constraint sampleStability(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(SampleBatch.class)
                .filter(SampleBatch::isMoved)
                .penalizeConfigurableLong(b -> 1L)
                .justifyWith((b, score) -> changed("Sample batch " + b.getId(), b.getPreviousLab(),
                        b.getLab() == null ? null : b.getLab().code()))
                .asConstraint(SAMPLE_STABILITY);
    }

    private static StabilityJustification changed(String entity, String before, String now) {
        return new StabilityJustification(entity, before, now, entity + " moves from " + before + " to "
                + (now == null ? "nothing" : now) + " against the published plan");
    }

    Constraint workloadFairness(ConstraintFactory factory) {
        return factory.forEach(TeamShift.class)
                .groupBy(TeamShift::getTeam, count())
                .penalizeConfigurableLong((team, shifts) -> (long) shifts * shifts)
                .justifyWith((team, shifts, score) -> new WorkloadJustification(team.code(), shifts,
                        "Team " + team.code() + " carries " + shifts + " shifts in the horizon"))
                .asConstraint(WORKLOAD_FAIRNESS);
    }
}
