package org.surgeline.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.surgeline.isolation.IsolationService;
import org.surgeline.request.Priority;
import org.surgeline.request.RequestService;
import org.surgeline.request.RequestStatus;
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
        List<TriggerFacts.CriticalLine> critical = requests.approved().stream()
                .filter(r -> r.priority == Priority.CRITICAL && r.status == RequestStatus.APPROVED)
                .flatMap(r -> r.lines.stream().filter(l -> l.unplanned() > 0)
                        .map(l -> new TriggerFacts.CriticalLine(r.id, l.lineNo, r.countyCode, l.unplanned())))
                .toList();
        List<TriggerFacts.CountyBeds> beds = isolation.capacity(Optional.empty(), Optional.of(today)).counties().stream()
                .map(c -> new TriggerFacts.CountyBeds(c.county(), c.capacity().readyBeds(), c.capacity().freeBeds()))
                .toList();
        // Today's figures are partial until labs report: judge labs by their last complete day.
        List<TriggerFacts.LabDay> labDays = labs.report(Optional.empty(), Optional.of(today.minusDays(1))).counties()
                .stream().flatMap(c -> c.labs().stream())
                .map(l -> new TriggerFacts.LabDay(l.code(), l.county(), l.figures().utilization(),
                        l.figures().daysToClear()))
                .toList();
        return new TriggerFacts(critical, depotItems(), beds, labDays);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<TriggerFacts.DepotItem> depotItems() {
        return ledger.balances(catalog.depots(Optional.empty()).stream().map(d -> d.code).toList(), Optional.empty())
                .stream()
                .map(b -> new TriggerFacts.DepotItem(b.id.depotCode, b.id.itemCode, b.available(), b.reserveFloor))
                .toList();
    }
}
