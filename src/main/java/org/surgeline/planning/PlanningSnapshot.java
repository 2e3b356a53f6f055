package org.surgeline.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.surgeline.isolation.BedCapacity;
import org.surgeline.isolation.IsolationService;
import org.surgeline.personnel.TeamService;
import org.surgeline.planning.solver.BedBlock;
import org.surgeline.planning.solver.Demand;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.DepotStock;
import org.surgeline.planning.solver.PlanDepot;
import org.surgeline.planning.solver.PlanLab;
import org.surgeline.planning.solver.PlanSite;
import org.surgeline.planning.solver.PlanTeam;
import org.surgeline.planning.solver.PlanningWeights;
import org.surgeline.planning.solver.SampleBatch;
import org.surgeline.planning.solver.SupplyParcel;
import org.surgeline.planning.solver.TeamShift;
import org.surgeline.planning.solver.TravelMatrix;
import org.surgeline.region.TravelTimeService;
import org.surgeline.request.AllocationLine;
import org.surgeline.request.AllocationRequest;
import org.surgeline.request.LineKind;
import org.surgeline.request.Shipment;
import org.surgeline.request.Priority;
import org.surgeline.request.RequestService;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.Depot;
import org.surgeline.stock.LedgerService;
import org.surgeline.stock.StockBalance;
import org.surgeline.testing.LabCapacityReport;
import org.surgeline.testing.LabService;

/**
 * Builds the solver's problem from the other contexts, through their services: the remaining
 * demand of approved requests cut into parcels, shifts, bed blocks and sample batches, and what
 * depots, teams, sites and labs can give.
 */
@ApplicationScoped
public class PlanningSnapshot {

    static final long MAX_BEDS_PER_BLOCK = 10;
    static final long MAX_SAMPLES_PER_BATCH = 5_000;

    @Inject
    RequestService requests;
    @Inject
    CatalogService catalog;
    @Inject
    LedgerService ledger;
    @Inject
    TeamService teams;
    @Inject
    IsolationService isolation;
    @Inject
    LabService labs;
    @Inject
    TravelTimeService travelTimes;
    @Inject
    PlanningConfig config;
    @Inject
    PlanService plans;

    /**
     * The problem for a run on {@code planDate}. With a base plan, what the base committed and
     * could still change is open again (its undispatched shipments' stock counts as available,
     * its team days from the plan date on are free), each entity remembers where the base put
     * it (stability) and starts there (warm start); team days of the plan date stay pinned.
     */
    @Transactional
    public Problem build(LocalDate planDate, int horizonDays, PlanKind kind) {
        // Read in the same transaction as the rest, so the base plan and the stock agree.
        Optional<BasePlan> base = plans.published();
        LocalDate end = planDate.plusDays(horizonDays);
        Previous previous = new Previous(base);
        List<SupplyParcel> parcels = new ArrayList<>();
        List<TeamShift> shifts = new ArrayList<>();
        List<BedBlock> bedBlocks = new ArrayList<>();
        List<SampleBatch> batches = new ArrayList<>();
        Set<String> items = new HashSet<>();
        Map<String, Long> freeBedsByCounty = new HashMap<>();
        isolation.capacity(Optional.empty(), Optional.of(planDate)).counties()
                .forEach(c -> freeBedsByCounty.put(c.county(), c.capacity().freeBeds()));

        for (AllocationRequest request : requests.approved()) {
            for (AllocationLine line : request.lines) {
                long open = line.unplanned() + previous.reopened(line);
                if (open <= 0) {
                    continue;
                }
                Demand demand = new Demand(request.id, line.id, line.lineNo, request.countyCode, weight(request.priority));
                switch (line.kind) {
                    case SUPPLY -> {
                        items.add(line.itemCode);
                        long parcelSize = catalog.item(line.itemCode).parcelSize;
                        Iterator<String> from = previous.depots(line.id, parcelSize);
                        long left = open;
                        for (long k = 0; left > 0; k++) {
                            long units = Math.min(parcelSize, left);
                            parcels.add(new SupplyParcel("p-" + line.id + "-" + k, demand, line.itemCode, units,
                                    from.hasNext() ? from.next() : null));
                            left -= units;
                        }
                    }
                    case TEAM -> forEachDay(line, planDate, end, date -> {
                        Iterator<String> before = previous.teams(line.id, date);
                        for (long t = 1; t <= open; t++) {
                            shifts.add(new TeamShift("t-" + line.id + "-" + date + "-" + t, demand, line.skill, date,
                                    before.hasNext() ? before.next() : null));
                        }
                    });
                    case ISOLATION_BEDS -> {
                        long beyondOwn = open - freeBedsByCounty.getOrDefault(request.countyCode, 0L);
                        forEachDay(line, planDate, end, date -> {
                            Iterator<String> before = previous.sites(line.id, date);
                            long beds = beyondOwn;
                            for (long k = 0; beds > 0; k++) {
                                long block = Math.min(MAX_BEDS_PER_BLOCK, beds);
                                bedBlocks.add(new BedBlock("b-" + line.id + "-" + date + "-" + k, demand, date, block,
                                        before.hasNext() ? before.next() : null));
                                beds -= block;
                            }
                        });
                    }
                    case LAB_THROUGHPUT -> forEachDay(line, planDate, end, date -> {
                        Iterator<String> before = previous.labs(line.id, date);
                        long samples = open;
                        for (long k = 0; samples > 0; k++) {
                            long batch = Math.min(MAX_SAMPLES_PER_BATCH, samples);
                            batches.add(new SampleBatch("s-" + line.id + "-" + date + "-" + k, demand, date, batch,
                                    before.hasNext() ? before.next() : null));
                            samples -= batch;
                        }
                    });
                }
            }
        }

        List<Depot> depotRows = catalog.depots(Optional.empty());
        List<PlanDepot> depots = depotRows.stream().map(d -> new PlanDepot(d.code, d.countyCode)).toList();
        Map<String, StockBalance> balances = new HashMap<>();
        for (StockBalance b : ledger.balances(depotRows.stream().map(d -> d.code).toList(), Optional.empty())) {
            balances.put(b.id.depotCode + "/" + b.id.itemCode, b);
        }
        List<DepotStock> stock = new ArrayList<>();
        for (PlanDepot depot : depots) {
            for (String item : items) {
                StockBalance b = balances.get(depot.code() + "/" + item);
                long available = (b == null ? 0 : b.available()) + previous.reserved(depot.code(), item);
                stock.add(new DepotStock(depot, item, available, b == null ? 0 : b.reserveFloor));
            }
        }

        List<PlanTeam> planTeams = teams.views(teams.teams(Optional.empty(), Optional.empty())).stream()
                .map(t -> {
                    Set<LocalDate> busy = new HashSet<>(t.unavailable());
                    t.deployments().forEach(d -> d.from().datesUntil(d.to().plusDays(1))
                            .filter(day -> !previous.reopens(d.reference(), day, planDate)).forEach(busy::add));
                    return new PlanTeam(t.code(), t.skill(), t.homeCounty(), busy);
                }).toList();

        Map<String, BedCapacity> siteCapacity = isolation.capacityBySite(Optional.of(planDate));
        List<PlanSite> sites = isolation.sites(Optional.empty()).stream()
                .map(s -> new PlanSite(s.code, s.countyCode,
                        siteCapacity.getOrDefault(s.code, BedCapacity.NONE).freeBeds()))
                .filter(s -> s.freeBeds() > 0).toList();

        LabCapacityReport report = labs.report(Optional.empty(), Optional.of(planDate));
        List<PlanLab> planLabs = report.counties().stream().flatMap(c -> c.labs().stream())
                .map(l -> new PlanLab(l.code(), l.county(),
                        Math.max(0, l.figures().capacitySamples() - l.figures().samplesReceived())))
                .filter(l -> l.spareSamples() > 0).toList();

        PlanningConfig.Weights w = config.weights();
        DeploymentPlan problem = new DeploymentPlan(planDate, horizonDays, depots, stock, planTeams, sites, planLabs,
                new TravelMatrix(travelTimes.matrix()), parcels, shifts, bedBlocks, batches,
                new PlanningWeights(w.reserveFloor(), w.unfilledShift(), w.unplacedBed(), w.teamCountyChange(),
                        kind == PlanKind.REBALANCE ? HardMediumSoftLongScore.ofMedium(w.rebalanceStability())
                                : HardMediumSoftLongScore.ofSoft(w.stability())));
        problem.startFromPrevious();
        return new Problem(problem, base.map(BasePlan::id).orElse(null));
    }

    /** The solver's problem, and the plan in force it starts from (null if none). */
    public record Problem(DeploymentPlan plan, Long basePlanId) {
    }

    /** Where the base plan put each line's parcels, shifts, beds and samples; empty without a base. */
    private static final class Previous {

        private final Optional<BasePlan> base;
        private final Map<String, Long> reserved = new HashMap<>();
        private final Map<Long, Long> shipped = new HashMap<>();
        private final Map<Long, List<Shipment>> shipmentsByLine = new HashMap<>();
        private final Map<String, List<String>> teams = new HashMap<>();
        private final Map<String, List<String>> sites = new HashMap<>();
        private final Map<String, List<String>> labs = new HashMap<>();

        Previous(Optional<BasePlan> base) {
            this.base = base;
            base.ifPresent(b -> {
                for (Shipment s : b.plannedShipments()) {
                    reserved.merge(s.fromDepot + "/" + s.itemCode, s.quantity, Long::sum);
                    shipped.merge(s.lineId, s.quantity, Long::sum);
                    shipmentsByLine.computeIfAbsent(s.lineId, k -> new ArrayList<>()).add(s);
                }
                b.result().teamShifts().forEach(s -> teams.computeIfAbsent(s.lineId() + "/" + s.date(),
                        k -> new ArrayList<>()).add(s.teamCode()));
                b.result().bedPlacements().forEach(p -> sites.computeIfAbsent(p.lineId() + "/" + p.date(),
                        k -> new ArrayList<>()).addAll(Collections.nCopies(blocks(p.beds(), MAX_BEDS_PER_BLOCK), p.siteCode())));
                b.result().sampleRoutes().forEach(r -> labs.computeIfAbsent(r.lineId() + "/" + r.date(),
                        k -> new ArrayList<>()).addAll(Collections.nCopies(blocks(r.samples(), MAX_SAMPLES_PER_BATCH), r.labCode())));
            });
        }

        /** What the base plan covered of a line that a new plan may place again. */
        long reopened(AllocationLine line) {
            if (base.isEmpty()) {
                return 0;
            }
            if (line.kind == LineKind.SUPPLY) {
                return shipped.getOrDefault(line.id, 0L);
            }
            return base.get().coverageByLine().getOrDefault(line.id, 0L);
        }

        /** The base plan's depot for each parcel of a line, in parcel order. */
        Iterator<String> depots(long lineId, long parcelSize) {
            List<String> depots = new ArrayList<>();
            shipmentsByLine.getOrDefault(lineId, List.of())
                    .forEach(s -> depots.addAll(Collections.nCopies(blocks(s.quantity, parcelSize), s.fromDepot)));
            return depots.iterator();
        }

        Iterator<String> teams(long lineId, LocalDate date) {
            return teams.getOrDefault(lineId + "/" + date, List.of()).iterator();
        }

        Iterator<String> sites(long lineId, LocalDate date) {
            return sites.getOrDefault(lineId + "/" + date, List.of()).iterator();
        }

        Iterator<String> labs(long lineId, LocalDate date) {
            return labs.getOrDefault(lineId + "/" + date, List.of()).iterator();
        }

        /** Stock the base plan reserved at a depot, released when a new plan replaces it. */
        long reserved(String depot, String item) {
            return reserved.getOrDefault(depot + "/" + item, 0L);
        }

        /** Whether a team's deployment day is the base plan's to give again. */
        boolean reopens(String reference, LocalDate day, LocalDate planDate) {
            return base.isPresent() && base.get().deploymentReference().equals(reference) && !day.isBefore(planDate);
        }

        private static int blocks(long quantity, long size) {
            return Math.toIntExact(quantity / size + (quantity % size == 0 ? 0 : 1));
        }
    }

    private int weight(Priority priority) {
        return switch (priority) {
            case ROUTINE -> config.weights().routine();
            case URGENT -> config.weights().urgent();
            case CRITICAL -> config.weights().critical();
        };
    }

    /** Each day of the line that falls inside the horizon. */
    private static void forEachDay(AllocationLine line, LocalDate from, LocalDate end,
            java.util.function.Consumer<LocalDate> action) {
        LocalDate first = line.fromDate.isBefore(from) ? from : line.fromDate;
        LocalDate last = line.fromDate.plusDays(line.days);
        for (LocalDate d = first; d.isBefore(last) && d.isBefore(end); d = d.plusDays(1)) {
            action.accept(d);
        }
    }
}
