package org.surgeline.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.surgeline.isolation.IsolationService;
import org.surgeline.isolation.IsolationSite;
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
import org.surgeline.request.Priority;
import org.surgeline.request.RequestService;
import org.surgeline.request.Shipment;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.Depot;
import org.surgeline.stock.LedgerService;
import org.surgeline.stock.StockBalance;
import org.surgeline.stock.StockConfig;
import org.surgeline.stock.StockLot;
import org.surgeline.testing.LabService;

/**
 * Builds the solver's problem from the other contexts, through their services: the remaining
 * demand of approved requests cut into parcels, shifts, bed blocks and sample batches, and what
 * depots, teams, sites and labs can give on each day of the horizon.
 */
@ApplicationScoped
public class PlanningSnapshot {

    static final long MAX_BEDS_PER_BLOCK = 10;
    static final long MAX_SAMPLES_PER_BATCH = 5_000;
    /** The smallest batch a day's last samples are cut into (the unrouted penalty counts per 100). */
    static final long MIN_SAMPLES_PER_BATCH = 100;

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
    @Inject
    StockConfig stockConfig;

    /**
     * The problem for a run on {@code planDate}. With a base plan, what the base committed and
     * could still change is open again (its undispatched shipments' stock counts as available,
     * its team days from the plan date on are free), each entity remembers where the base put
     * it (stability) and starts there (warm start); team days of the plan date stay pinned. What
     * the base placed beyond this run's horizon is kept as it was.
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
        List<PlanFacts.Line> lines = new ArrayList<>();
        List<PlanResult.OwnBeds> ownBeds = new ArrayList<>();
        Set<Long> keptLines = new HashSet<>();

        List<IsolationSite> siteRows = isolation.sites(Optional.empty());
        FreeBeds freeBeds = new FreeBeds(siteRows, isolation.freeBedsForecast(planDate, horizonDays));

        // A county's own free beds go to its most urgent lines first.
        List<AllocationRequest> approved = new ArrayList<>(requests.approved());
        approved.sort(Comparator.comparingInt((AllocationRequest r) -> -weight(r.priority)));
        for (AllocationRequest request : approved) {
            for (AllocationLine line : request.lines) {
                long open = Math.max(0, line.unplanned() + previous.reopened(line));
                Demand demand = new Demand(request.id, line.id, line.lineNo, request.countyCode,
                        weight(request.priority), request.priority == Priority.ROUTINE);
                String what = line.kind == LineKind.SUPPLY ? line.itemCode
                        : line.kind == LineKind.TEAM ? String.valueOf(line.skill) : line.kind.name();
                if (line.kind == LineKind.SUPPLY) {
                    if (open == 0) {
                        continue; // all of it is on its way or arrived
                    }
                    items.add(line.itemCode);
                    long parcelSize = catalog.item(line.itemCode).parcelSize;
                    List<Long> sizes = new ArrayList<>();
                    for (long left = open; left > 0; left -= Math.min(parcelSize, left)) {
                        sizes.add(Math.min(parcelSize, left));
                    }
                    String[] from = previous.depots(line.id, sizes);
                    // Stock must last beyond the need-by date, and reach the county by the end of it.
                    LocalDate lastsUntil = request.neededBy.plusDays(stockConfig.expiryMarginDays());
                    long minutesLeft = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(planDate,
                            request.neededBy) + 1) * 24 * 60;
                    for (int k = 0; k < sizes.size(); k++) {
                        parcels.add(new SupplyParcel("p-" + line.id + "-" + k, demand, line.itemCode, sizes.get(k),
                                from[k], lastsUntil, minutesLeft));
                    }
                    lines.add(new PlanFacts.Line(request.id, line.id, line.lineNo, request.countyCode, line.kind,
                            demand.weight(), demand.routine(), what, line.quantity, line.quantity - open, 0, 0, 0));
                    continue;
                }
                long perDay = line.quantity;
                long openPerDay = Math.min(open, perDay);
                long earlier = 0;
                long own = 0;
                long beyond = 0;
                long kept = 0;
                boolean inReach = false;
                for (LocalDate date = line.fromDate; date.isBefore(line.fromDate.plusDays(line.days));
                        date = date.plusDays(1)) {
                    if (date.isBefore(planDate)) {
                        earlier += perDay;
                        continue;
                    }
                    inReach = true;
                    if (!date.isBefore(end)) {
                        beyond += perDay;
                        kept += previous.placedOn(line.id, date);
                        keptLines.add(line.id);
                        continue;
                    }
                    earlier += perDay - openPerDay;
                    String key = line.id + "/" + date;
                    switch (line.kind) {
                        case TEAM -> {
                            Iterator<String> before = previous.teams(line.id, date);
                            for (long t = 1; t <= openPerDay; t++) {
                                shifts.add(new TeamShift("t-" + key + "-" + t, demand, line.skill, date,
                                        before.hasNext() ? before.next() : null));
                            }
                        }
                        case ISOLATION_BEDS -> {
                            long beyondOwn = openPerDay;
                            for (Map.Entry<String, Long> use : freeBeds.takeOwn(request.countyCode, date, openPerDay).entrySet()) {
                                ownBeds.add(new PlanResult.OwnBeds(use.getKey(), request.countyCode, date, use.getValue(),
                                        request.id, line.id, line.lineNo));
                                own += use.getValue();
                                beyondOwn -= use.getValue();
                            }
                            List<Long> sizes = cut(beyondOwn, MAX_BEDS_PER_BLOCK, 1);
                            String[] before = previous.sites(line.id, date, sizes);
                            for (int k = 0; k < sizes.size(); k++) {
                                bedBlocks.add(new BedBlock("b-" + key + "-" + k, demand, date, sizes.get(k), before[k]));
                            }
                        }
                        case LAB_THROUGHPUT -> {
                            List<Long> sizes = cut(openPerDay, MAX_SAMPLES_PER_BATCH, MIN_SAMPLES_PER_BATCH);
                            String[] before = previous.labs(line.id, date, sizes);
                            for (int k = 0; k < sizes.size(); k++) {
                                batches.add(new SampleBatch("s-" + key + "-" + k, demand, date, sizes.get(k), before[k]));
                            }
                        }
                        case SUPPLY -> throw new IllegalStateException("supply lines have no days");
                    }
                }
                if (inReach) {
                    lines.add(new PlanFacts.Line(request.id, line.id, line.lineNo, request.countyCode, line.kind,
                            demand.weight(), demand.routine(), what, perDay * line.days, earlier, own, beyond, kept));
                }
            }
        }

        List<Depot> depotRows = catalog.depots(Optional.empty());
        List<PlanDepot> depots = depotRows.stream().map(d -> new PlanDepot(d.code, d.countyCode)).toList();
        Map<String, StockBalance> balances = new HashMap<>();
        for (StockBalance b : ledger.balances(depotRows.stream().map(d -> d.code).toList(), Optional.empty())) {
            balances.put(b.id.depotCode + "/" + b.id.itemCode, b);
        }
        Map<String, TreeMap<LocalDate, Long>> lots = new HashMap<>();
        for (StockLot lot : ledger.lotsOf(items)) {
            lots.computeIfAbsent(lot.id.depotCode + "/" + lot.id.itemCode, k -> new TreeMap<>())
                    .merge(lot.expiresOn == null ? LocalDate.MAX : lot.expiresOn, lot.quantity, Long::sum);
        }
        List<DepotStock> stock = new ArrayList<>();
        for (PlanDepot depot : depots) {
            for (String item : items) {
                StockBalance b = balances.get(depot.code() + "/" + item);
                long available = (b == null ? 0 : b.available()) + previous.reserved(depot.code(), item);
                stock.add(DepotStock.withLots(depot, item, available, b == null ? 0 : b.reserveFloor,
                        availableByExpiry(lots.getOrDefault(depot.code() + "/" + item, new TreeMap<>()),
                                (b == null ? 0 : b.reserved) - previous.reserved(depot.code(), item))));
            }
        }

        List<PlanTeam> planTeams = teams.views(teams.teams(Optional.empty(), Optional.empty())).stream()
                .map(t -> {
                    Set<LocalDate> busy = new HashSet<>(t.unavailable());
                    t.deployments().forEach(d -> d.from().datesUntil(d.to().plusDays(1))
                            .filter(day -> !previous.reopens(d.reference(), day, planDate)).forEach(busy::add));
                    return new PlanTeam(t.code(), t.skill(), t.homeCounty(), busy);
                }).toList();

        List<PlanSite> sites = siteRows.stream()
                .map(s -> new PlanSite(s.code, s.countyCode, 0, freeBeds.left(s.code)))
                .filter(s -> s.byDay().values().stream().anyMatch(beds -> beds > 0)).toList();
        List<PlanLab> planLabs = labs.spareSamplesForecast(planDate, horizonDays).stream()
                .map(l -> new PlanLab(l.lab(), l.county(), 0, l.spareByDay())).toList();

        PlanningConfig.Weights w = config.weights();
        DeploymentPlan problem = new DeploymentPlan(planDate, horizonDays, depots, stock, planTeams, sites, planLabs,
                new TravelMatrix(travelTimes.matrix()), parcels, shifts, bedBlocks, batches,
                new PlanningWeights(w.reserveFloor(), w.unfilledShift(), w.unplacedBed(), w.teamCountyChange(),
                        kind == PlanKind.REBALANCE ? HardMediumSoftLongScore.ofMedium(w.rebalanceStability())
                                : HardMediumSoftLongScore.ofSoft(w.stability())));
        problem.startFromPrevious();
        ownBeds.addAll(previous.ownBedsFrom(end, keptLines));
        PlanFacts facts = new PlanFacts(lines, ownBeds, previous.shiftsFrom(end, keptLines),
                previous.bedsFrom(end, keptLines), previous.samplesFrom(end, keptLines));
        return new Problem(problem, base.map(BasePlan::id).orElse(null), facts);
    }

    /**
     * Lots by expiry less what is reserved (and not given back by this plan), taken from the
     * earliest-expiring lots as dispatch takes them.
     */
    private static Map<LocalDate, Long> availableByExpiry(TreeMap<LocalDate, Long> lots, long reserved) {
        Map<LocalDate, Long> available = new TreeMap<>();
        long held = Math.max(0, reserved);
        for (Map.Entry<LocalDate, Long> lot : lots.entrySet()) {
            long taken = Math.min(held, lot.getValue());
            held -= taken;
            if (lot.getValue() > taken) {
                available.put(lot.getKey(), lot.getValue() - taken);
            }
        }
        return available;
    }

    /** The solver's problem, the plan in force it starts from (null if none), and what else the plan knows. */
    public record Problem(DeploymentPlan plan, Long basePlanId, PlanFacts facts) {
    }

    /**
     * A day's demand cut into entities: blocks of {@code full} while more than two full blocks are
     * left, then the rest halved down to {@code smallest}, so that a site or lab with only a
     * little capacity left can still take part of the demand (10 beds: 5, 3, 1, 1; 23 beds: 10,
     * 7, 3, 2, 1). docs/benchmarks.md measures what it buys on the demo city.
     */
    static List<Long> cut(long quantity, long full, long smallest) {
        List<Long> sizes = new ArrayList<>();
        long left = quantity;
        while (left > 2 * full) {
            sizes.add(full);
            left -= full;
        }
        while (left > smallest) {
            long half = (left + 1) / 2;
            sizes.add(half);
            left -= half;
        }
        if (left > 0) {
            sizes.add(left);
        }
        return sizes;
    }

    /**
     * Free beds per site and day, shared once: a county's own lines take its own sites' beds
     * first (most urgent line first), and only what is left is offered to the solver.
     */
    private static final class FreeBeds {

        private final Map<String, List<String>> sitesByCounty = new HashMap<>();
        private final Map<String, Map<LocalDate, Long>> left = new HashMap<>();

        FreeBeds(List<IsolationSite> sites, Map<String, Map<LocalDate, Long>> forecast) {
            sites.stream().sorted(Comparator.comparing(s -> s.code)).forEach(s -> {
                sitesByCounty.computeIfAbsent(s.countyCode, k -> new ArrayList<>()).add(s.code);
                left.put(s.code, new TreeMap<>(forecast.getOrDefault(s.code, Map.of())));
            });
        }

        /** Up to {@code beds} of the county's own free beds on a day, by site; taken from what is left. */
        Map<String, Long> takeOwn(String county, LocalDate date, long beds) {
            Map<String, Long> taken = new TreeMap<>();
            long wanted = beds;
            for (String site : sitesByCounty.getOrDefault(county, List.of())) {
                long free = left.get(site).getOrDefault(date, 0L);
                long take = Math.min(free, wanted);
                if (take > 0) {
                    left.get(site).put(date, free - take);
                    taken.put(site, take);
                    wanted -= take;
                }
            }
            return taken;
        }

        Map<LocalDate, Long> left(String site) {
            return left.getOrDefault(site, Map.of());
        }
    }

    /** Where the base plan put each line's parcels, shifts, beds and samples; empty without a base. */
    static final class Previous {

        private final Optional<BasePlan> base;
        private final Map<String, Long> reserved = new HashMap<>();
        private final Map<Long, Long> shipped = new HashMap<>();
        private final Map<Long, List<Shipment>> shipmentsByLine = new HashMap<>();
        private final Map<String, List<String>> teams = new HashMap<>();
        private final Map<String, List<PlanResult.BedPlacement>> sites = new HashMap<>();
        private final Map<String, List<PlanResult.SampleRoute>> labs = new HashMap<>();
        private final Map<String, Long> placed = new HashMap<>();

        Previous(Optional<BasePlan> base) {
            this.base = base;
            base.ifPresent(b -> {
                for (Shipment s : b.plannedShipments()) {
                    reserved.merge(s.fromDepot + "/" + s.itemCode, s.quantity, Long::sum);
                    shipped.merge(s.lineId, s.quantity, Long::sum);
                    shipmentsByLine.computeIfAbsent(s.lineId, k -> new ArrayList<>()).add(s);
                }
                b.result().teamShifts().forEach(s -> {
                    teams.computeIfAbsent(s.lineId() + "/" + s.date(), k -> new ArrayList<>()).add(s.teamCode());
                    placed.merge(s.lineId() + "/" + s.date(), 1L, Long::sum);
                });
                b.result().bedPlacements().forEach(p -> {
                    sites.computeIfAbsent(p.lineId() + "/" + p.date(), k -> new ArrayList<>()).add(p);
                    placed.merge(p.lineId() + "/" + p.date(), p.beds(), Long::sum);
                });
                b.result().ownBeds().forEach(o -> placed.merge(o.lineId() + "/" + o.date(), o.beds(), Long::sum));
                b.result().sampleRoutes().forEach(r -> {
                    labs.computeIfAbsent(r.lineId() + "/" + r.date(), k -> new ArrayList<>()).add(r);
                    placed.merge(r.lineId() + "/" + r.date(), r.samples(), Long::sum);
                });
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

        /**
         * The base plan's depot for each parcel of a line, matched by depot and quantity: a
         * shipment of q took the parcel holding the line's remainder if q is not a multiple of
         * the parcel size, and whole parcels for the rest. (Handing depots out by position swaps
         * them when a line was split across depots, and the unchanged plan scores worse.)
         */
        String[] depots(long lineId, List<Long> sizes) {
            return depotsByQuantity(sizes, shipmentsByLine.getOrDefault(lineId, List.of()));
        }

        /** {@link #depots}, for parcels of {@code sizes} (whole parcels, then a remainder) and a line's shipments. */
        static String[] depotsByQuantity(List<Long> sizes, List<Shipment> shipments) {
            String[] depots = new String[sizes.size()];
            long full = sizes.isEmpty() ? 0 : sizes.get(0);
            for (Shipment s : shipments) {
                long left = s.quantity;
                if (left % full != 0) {
                    left -= take(depots, sizes, left % full, s.fromDepot);
                }
                while (left >= full && take(depots, sizes, full, s.fromDepot) > 0) {
                    left -= full;
                }
                for (int i = 0; i < sizes.size() && left > 0; i++) {
                    if (depots[i] == null && sizes.get(i) <= left) {
                        depots[i] = s.fromDepot;
                        left -= sizes.get(i);
                    }
                }
            }
            return depots;
        }

        /** Hands {@code code} to the first entity of exactly {@code size} that has none; the size taken, or 0. */
        private static long take(String[] codes, List<Long> sizes, long size, String code) {
            for (int i = 0; i < sizes.size(); i++) {
                if (codes[i] == null && sizes.get(i) == size) {
                    codes[i] = code;
                    return size;
                }
            }
            return 0;
        }

        Iterator<String> teams(long lineId, LocalDate date) {
            return teams.getOrDefault(lineId + "/" + date, List.of()).iterator();
        }

        /** The base plan's site for each bed block of a line's day, matched by block size. */
        String[] sites(long lineId, LocalDate date, List<Long> sizes) {
            String[] codes = new String[sizes.size()];
            sites.getOrDefault(lineId + "/" + date, List.of()).forEach(p -> take(codes, sizes, p.beds(), p.siteCode()));
            return codes;
        }

        /** The base plan's lab for each sample batch of a line's day, matched by batch size. */
        String[] labs(long lineId, LocalDate date, List<Long> sizes) {
            String[] codes = new String[sizes.size()];
            labs.getOrDefault(lineId + "/" + date, List.of()).forEach(r -> take(codes, sizes, r.samples(), r.labCode()));
            return codes;
        }

        /** What the base plan placed (or housed in the county's own beds) of a line on a day. */
        long placedOn(long lineId, LocalDate date) {
            return placed.getOrDefault(lineId + "/" + date, 0L);
        }

        List<PlanResult.PlannedShift> shiftsFrom(LocalDate end, Set<Long> lines) {
            return base.map(b -> b.result().teamShifts().stream()
                    .filter(s -> !s.date().isBefore(end) && lines.contains(s.lineId())).toList()).orElse(List.of());
        }

        List<PlanResult.BedPlacement> bedsFrom(LocalDate end, Set<Long> lines) {
            return base.map(b -> b.result().bedPlacements().stream()
                    .filter(p -> !p.date().isBefore(end) && lines.contains(p.lineId())).toList()).orElse(List.of());
        }

        List<PlanResult.OwnBeds> ownBedsFrom(LocalDate end, Set<Long> lines) {
            return base.map(b -> b.result().ownBeds().stream()
                    .filter(o -> !o.date().isBefore(end) && lines.contains(o.lineId())).toList()).orElse(List.of());
        }

        List<PlanResult.SampleRoute> samplesFrom(LocalDate end, Set<Long> lines) {
            return base.map(b -> b.result().sampleRoutes().stream()
                    .filter(r -> !r.date().isBefore(end) && lines.contains(r.lineId())).toList()).orElse(List.of());
        }

        /** Stock the base plan reserved at a depot, released when a new plan replaces it. */
        long reserved(String depot, String item) {
            return reserved.getOrDefault(depot + "/" + item, 0L);
        }

        /** Whether a team's deployment day is the base plan's to give again. */
        boolean reopens(String reference, LocalDate day, LocalDate planDate) {
            return base.isPresent() && base.get().deploymentReference().equals(reference) && !day.isBefore(planDate);
        }
    }

    private int weight(Priority priority) {
        return switch (priority) {
            case ROUTINE -> config.weights().routine();
            case URGENT -> config.weights().urgent();
            case CRITICAL -> config.weights().critical();
        };
    }
}
