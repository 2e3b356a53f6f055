package org.surgeline.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * What the trigger check reads from the other contexts, and the rules that turn it into
 * triggers. Kept free of the database so that each rule is tested on its own.
 */
public record TriggerFacts(List<CriticalLine> criticalLines, List<DepotItem> depotItems, List<CountyBeds> counties,
        List<LabDay> labs) {

    public record CriticalLine(long requestId, int lineNo, String county, long unplanned) {
    }

    public record DepotItem(String depot, String item, long available, long reserveFloor) {
    }

    public record CountyBeds(String county, long readyBeds, long freeBeds) {
    }

    /**
     * A lab's last complete day: utilization = tested ÷ capacity, backlog in days of capacity (both
     * null at zero capacity), backlog in samples, and whether the lab reported that day at all.
     */
    public record LabDay(String lab, String county, Double utilization, Double backlogDays, boolean reported,
            long backlog) {
        /** A lab that reported its day. */
        public LabDay(String lab, String county, Double utilization, Double backlogDays) {
            this(lab, county, utilization, backlogDays, true, 0);
        }
    }

    public List<RebalanceTrigger> fired(PlanningConfig.Triggers limits) {
        List<RebalanceTrigger> fired = new ArrayList<>();
        if (criticalLines.size() >= limits.criticalLines()) {
            criticalLines.forEach(l -> fired.add(new RebalanceTrigger(RebalanceTrigger.Kind.CRITICAL_LINE_UNPLANNED,
                    "request " + l.requestId() + " line " + l.lineNo(),
                    l.unplanned() + " not planned for county " + l.county())));
        }
        for (DepotItem d : depotItems) {
            if (d.reserveFloor() > 0 && d.available() < limits.depotFloorRatio() * d.reserveFloor()) {
                fired.add(new RebalanceTrigger(RebalanceTrigger.Kind.DEPOT_BELOW_FLOOR, d.depot() + "/" + d.item(),
                        d.available() + " available, reserve floor " + d.reserveFloor()));
            }
        }
        for (CountyBeds c : counties) {
            if (c.readyBeds() > 0 && c.freeBeds() < limits.isolationFreeRatio() * c.readyBeds()) {
                fired.add(new RebalanceTrigger(RebalanceTrigger.Kind.ISOLATION_NEARLY_FULL, c.county(),
                        c.freeBeds() + " free of " + c.readyBeds() + " ready beds"));
            }
        }
        for (LabDay l : labs) {
            // A lab that did not report keeps its last backlog on paper: no plan can clear that figure.
            if (!l.reported()) {
                continue;
            }
            boolean busy = l.utilization() != null && l.utilization() > limits.labUtilization();
            boolean behind = l.backlogDays() != null && l.backlogDays() > limits.labBacklogDays();
            // No capacity at all (suspended, or none set) with samples waiting: infinitely behind.
            boolean stuck = l.backlogDays() == null && l.backlog() > 0;
            if (busy || behind || stuck) {
                fired.add(new RebalanceTrigger(RebalanceTrigger.Kind.LAB_OVERLOADED, l.lab(),
                        "utilization " + l.utilization() + ", backlog " + l.backlogDays() + " days of capacity"));
            }
        }
        return fired;
    }
}
