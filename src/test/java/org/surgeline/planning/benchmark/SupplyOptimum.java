package org.surgeline.planning.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.surgeline.planning.solver.Demand;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.DepotStock;
import org.surgeline.planning.solver.SupplyParcel;

/**
 * The score of the supply part at its exact divisible optimum ({@link SupplyFlow}): medium =
 * unmet units × priority weight + units below a floor × 2; soft = travel minutes per parcel,
 * spread over the parcel's units. Parcels make the planner's problem coarser, so this is a lower
 * bound on what any parcel plan can reach.
 */
final class SupplyOptimum {

    record Score(long medium, long soft) {
    }

    private SupplyOptimum() {
    }

    static Score of(DeploymentPlan plan) {
        Map<Long, Map<String, Long>> flows = SupplyFlow.optimize(plan).byLine();
        Map<Long, List<SupplyParcel>> lines = plan.getParcels().stream()
                .collect(Collectors.groupingBy(p -> p.getDemand().lineId()));
        Map<String, String> depotCounty = plan.getDepots().stream()
                .collect(Collectors.toMap(d -> d.code(), d -> d.county()));
        Map<String, Long> out = new HashMap<>();
        double medium = 0;
        double soft = 0;
        for (var line : lines.entrySet()) {
            Demand demand = line.getValue().get(0).getDemand();
            String item = line.getValue().get(0).getItem();
            long asked = line.getValue().stream().mapToLong(SupplyParcel::getUnits).sum();
            long parcelSize = line.getValue().stream().mapToLong(SupplyParcel::getUnits).max().orElse(1);
            long served = 0;
            for (var flow : flows.getOrDefault(line.getKey(), Map.of()).entrySet()) {
                served += flow.getValue();
                out.merge(flow.getKey() + "/" + item, flow.getValue(), Long::sum);
                soft += (double) flow.getValue()
                        * plan.getTravel().between(depotCounty.get(flow.getKey()), demand.county()) / parcelSize;
            }
            medium += (double) (asked - served) * demand.weight();
        }
        for (DepotStock stock : plan.getStock()) {
            medium += 2.0 * Math.max(0, out.getOrDefault(stock.depot().code() + "/" + stock.item(), 0L) - stock.aboveFloor());
        }
        return new Score(Math.round(medium), Math.round(soft));
    }
}
