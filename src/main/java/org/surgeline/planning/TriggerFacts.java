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

    /** A lab's last complete day: utilization = tested ÷ capacity, backlog in days of capacity. */
    public record LabDay(String lab, String county, Double utilization, Double backlogDays) {
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
            boolean busy = l.utilization() != null && l.utilization() > limits.labUtilization();
            boolean behind = l.backlogDays() != null && l.backlogDays() > limits.labBacklogDays();
            if (busy || behind) {
                fired.add(new RebalanceTrigger(RebalanceTrigger.Kind.LAB_OVERLOADED, l.lab(),
                        "utilization " + l.utilization() + ", backlog " + l.backlogDays() + " days of capacity"));
            }
        }
        return fired;
    }
}
