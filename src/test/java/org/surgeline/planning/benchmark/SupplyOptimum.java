package org.surgeline.planning.benchmark;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.surgeline.planning.solver.Demand;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.DepotStock;
import org.surgeline.planning.solver.SupplyParcel;

/**
 * The exact optimum of the supply part of a plan with divisible quantities: a min-cost flow per
 * item from request lines to depots, lexicographic on (medium, soft) like the planner's score.
 * Medium counts unmet units × priority weight and units drawn below a floor × 2; soft counts
 * travel minutes per parcel, spread over the parcel's units. Parcels make the planner's problem
 * coarser, so this is a lower bound on the penalties any parcel plan can reach.
 */
final class SupplyOptimum {

    /** Medium dominates soft: the per-unit soft cost never exceeds a few hundred minutes. */
    private static final double MEDIUM = 1e6;

    record Score(long medium, long soft) {
    }

    private SupplyOptimum() {
    }

    static Score of(DeploymentPlan plan) {
        Map<String, List<SupplyParcel>> byItem = new LinkedHashMap<>();
        plan.getParcels().forEach(p -> byItem.computeIfAbsent(p.getItem(), k -> new ArrayList<>()).add(p));
        double medium = 0;
        double soft = 0;
        for (var entry : byItem.entrySet()) {
            String item = entry.getKey();
            Map<Long, List<SupplyParcel>> lines = new LinkedHashMap<>();
            entry.getValue().forEach(p -> lines.computeIfAbsent(p.getDemand().lineId(), k -> new ArrayList<>()).add(p));
            long parcelSize = entry.getValue().stream().mapToLong(SupplyParcel::getUnits).max().orElse(1);
            List<DepotStock> depots = plan.getStock().stream().filter(s -> s.item().equals(item) && s.available() > 0)
                    .toList();
            double[] result = solveItem(plan, new ArrayList<>(lines.values()), depots, parcelSize);
            medium += result[0];
            soft += result[1];
        }
        return new Score(Math.round(medium), Math.round(soft));
    }

    /** Nodes: 0 source, 1..L lines, L+1..L+K depots, L+K+1 sink. */
    private static double[] solveItem(DeploymentPlan plan, List<List<SupplyParcel>> lines, List<DepotStock> depots,
            long parcelSize) {
        int l = lines.size();
        int k = depots.size();
        int sink = l + k + 1;
        Graph g = new Graph(sink + 1);
        long total = 0;
        int[][] serveArc = new int[l][k];
        for (int i = 0; i < l; i++) {
            long units = lines.get(i).stream().mapToLong(SupplyParcel::getUnits).sum();
            total += units;
            Demand demand = lines.get(i).get(0).getDemand();
            g.add(0, 1 + i, units, 0);
            g.add(1 + i, sink, units, 0);
            for (int j = 0; j < k; j++) {
                double travel = plan.getTravel().between(depots.get(j).depot().county(), demand.county());
                serveArc[i][j] = g.add(1 + i, 1 + l + j, Long.MAX_VALUE / 4, -demand.weight() * MEDIUM + travel / parcelSize);
            }
        }
        for (int j = 0; j < k; j++) {
            DepotStock s = depots.get(j);
            g.add(1 + l + j, sink, s.aboveFloor(), 0);
            g.add(1 + l + j, sink, s.available() - s.aboveFloor(), 2 * MEDIUM);
        }
        g.minCostFlow(0, sink, total);

        double medium = 0;
        double soft = 0;
        long[] out = new long[k];
        for (int i = 0; i < l; i++) {
            Demand demand = lines.get(i).get(0).getDemand();
            long asked = lines.get(i).stream().mapToLong(SupplyParcel::getUnits).sum();
            long served = 0;
            for (int j = 0; j < k; j++) {
                long flow = g.flow(serveArc[i][j]);
                served += flow;
                out[j] += flow;
                soft += flow * (double) plan.getTravel().between(depots.get(j).depot().county(), demand.county())
                        / parcelSize;
            }
            medium += (double) (asked - served) * demand.weight();
        }
        for (int j = 0; j < k; j++) {
            medium += 2.0 * Math.max(0, out[j] - depots.get(j).aboveFloor());
        }
        return new double[] {medium, soft};
    }

    /** Successive shortest paths with SPFA; fine for the few thousand arcs of one item. */
    private static final class Graph {
        final int n;
        final List<int[]> arcs = new ArrayList<>();
        final List<long[]> cap = new ArrayList<>();
        final List<Double> cost = new ArrayList<>();
        final List<List<Integer>> out;

        Graph(int n) {
            this.n = n;
            out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
            }
        }

        int add(int from, int to, long capacity, double c) {
            int id = arcs.size();
            arcs.add(new int[] {from, to});
            cap.add(new long[] {capacity, 0});
            cost.add(c);
            out.get(from).add(id);
            arcs.add(new int[] {to, from});
            cap.add(new long[] {0, capacity});
            cost.add(-c);
            out.get(to).add(id + 1);
            return id;
        }

        long flow(int arc) {
            return cap.get(arc ^ 1)[0];
        }

        void minCostFlow(int s, int t, long amount) {
            while (amount > 0) {
                double[] dist = new double[n];
                int[] via = new int[n];
                boolean[] queued = new boolean[n];
                Arrays.fill(dist, Double.POSITIVE_INFINITY);
                Arrays.fill(via, -1);
                dist[s] = 0;
                Deque<Integer> queue = new ArrayDeque<>();
                queue.add(s);
                while (!queue.isEmpty()) {
                    int u = queue.poll();
                    queued[u] = false;
                    for (int a : out.get(u)) {
                        if (cap.get(a)[0] <= 0) {
                            continue;
                        }
                        int v = arcs.get(a)[1];
                        double d = dist[u] + cost.get(a);
                        if (d < dist[v] - 1e-9) {
                            dist[v] = d;
                            via[v] = a;
                            if (!queued[v]) {
                                queued[v] = true;
                                queue.add(v);
                            }
                        }
                    }
                }
                if (via[t] < 0) {
                    return;
                }
                long push = amount;
                for (int v = t; v != s; v = arcs.get(via[v])[0]) {
                    push = Math.min(push, cap.get(via[v])[0]);
                }
                for (int v = t; v != s; v = arcs.get(via[v])[0]) {
                    cap.get(via[v])[0] -= push;
                    cap.get(via[v] ^ 1)[0] += push;
                }
                amount -= push;
            }
        }
    }
}
