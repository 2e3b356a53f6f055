package org.surgeline.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.surgeline.isolation.IsolationService;
import org.surgeline.request.AllocationLine;
import org.surgeline.request.AllocationRequest;
import org.surgeline.request.LineKind;
import org.surgeline.request.Priority;
import org.surgeline.request.RequestService;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.LedgerService;
import org.surgeline.testing.LabService;

/**
 * The cheap check behind rebalancing: reads today's picture from the other contexts and names
 * the conditions that call for a new plan (thresholds under {@code surgeline.planning.triggers}).
 */
@ApplicationScoped
public class RebalancingTriggers {

    @Inject
    RequestService requests;
    @Inject
    CatalogService catalog;
    @Inject
    LedgerService ledger;
    @Inject
    IsolationService isolation;
    @Inject
    LabService labs;
    @Inject
    PlanningConfig config;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RebalanceTrigger> fired() {
        return facts().fired(config.triggers());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    TriggerFacts facts() {
        LocalDate today = LocalDate.now(clock);
        List<TriggerFacts.CountyBeds> beds = isolation.capacity(Optional.empty(), Optional.of(today)).counties().stream()
                .map(c -> new TriggerFacts.CountyBeds(c.county(), c.capacity().readyBeds(), c.capacity().freeBeds()))
                .toList();
        // Only what a plan can change: the part of a line that a run would plan and record. A PLANNED
        // (or dispatched) request's remainder counts as an APPROVED one's does.
        Map<String, Long> ownFreeBeds = new HashMap<>();
        beds.forEach(c -> ownFreeBeds.put(c.county(), c.freeBeds()));
        LocalDate end = today.plusDays(config.horizonDays());
        List<TriggerFacts.CriticalLine> critical = new ArrayList<>();
        for (AllocationRequest r : requests.approved()) {
            if (r.priority != Priority.CRITICAL) {
                continue;
            }
            for (AllocationLine l : r.lines) {
                long open = plannable(l, r.countyCode, today, end, ownFreeBeds);
                if (open > 0) {
                    critical.add(new TriggerFacts.CriticalLine(r.id, l.lineNo, r.countyCode, open));
                }
            }
        }
        // Today's figures are partial until labs report: judge labs by their last complete day.
        List<TriggerFacts.LabDay> labDays = labs.report(Optional.empty(), Optional.of(today.minusDays(1))).counties()
                .stream().flatMap(c -> c.labs().stream())
                .map(l -> new TriggerFacts.LabDay(l.code(), l.county(), l.figures().utilization(),
                        l.figures().daysToClear(), l.figures().samplesReceived() > 0 || l.figures().samplesTested() > 0,
                        l.figures().backlogOut()))
                .toList();
        return new TriggerFacts(critical, depotItems(), beds, labDays);
    }

    /**
     * What of a line a run could still plan: nothing for a team, bed or lab line none of whose days
     * falls from today to the horizon (a run makes no entity for them); for a bed line, less what
     * the county's own free beds take (a run places those without a plan, and records no coverage).
     */
    private static long plannable(AllocationLine line, String county, LocalDate today, LocalDate end,
            Map<String, Long> ownFreeBeds) {
        long open = line.unplanned();
        if (open <= 0 || line.kind == LineKind.SUPPLY) {
            return Math.max(0, open);
        }
        LocalDate last = line.fromDate.plusDays(line.days);
        if (!last.isAfter(today) || !line.fromDate.isBefore(end)) {
            return 0;
        }
        if (line.kind == LineKind.ISOLATION_BEDS) {
            long own = Math.min(open, ownFreeBeds.getOrDefault(county, 0L));
            ownFreeBeds.put(county, ownFreeBeds.getOrDefault(county, 0L) - own);
            return open - own;
        }
        return open;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<TriggerFacts.DepotItem> depotItems() {
        return ledger.balances(catalog.depots(Optional.empty()).stream().map(d -> d.code).toList(), Optional.empty())
                .stream()
                .map(b -> new TriggerFacts.DepotItem(b.id.depotCode, b.id.itemCode, b.available(), b.reserveFloor))
                .toList();
    }
}
