package org.surgeline.planning.benchmark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.surgeline.planning.solver.Demand;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.DepotStock;
import org.surgeline.planning.solver.SupplyParcel;

/**
 * The supply part of a plan as a transportation problem with divisible quantities: per item, a
 * min-cost flow from request lines to depots, lexicographic on (medium, soft) like the score.
 * Serving a unit saves its priority weight; a unit below a depot's floor costs 2; travel costs
 * minutes per parcel, spread over the parcel's units. Its linear relaxation is integral, so the
 * optimum costs milliseconds. Benchmark scope only: the reference the planner is measured against.
 */
final class SupplyFlow {

    /**
     * Costs are exact integers: travel per unit in thousandths of a minute, and one medium point
     * worth more than any unit's travel (a billion thousandths). Floating point here would lose
     * the travel digits next to the medium ones and make the shortest paths wander.
     */
    private static final long TRAVEL_SCALE = 1_000;
    private static final long MEDIUM = 1_000_000_000L;

    /** Units from each depot (by code) for each line (by id). */
    record Flows(Map<Long, Map<String, Long>> byLine) {
    }

    private SupplyFlow() {
    }

    static Flows optimize(DeploymentPlan plan) {
        Map<String, List<SupplyParcel>> byItem = new LinkedHashMap<>();
        plan.getParcels().forEach(p -> byItem.computeIfAbsent(p.getItem(), k -> new ArrayList<>()).add(p));
        Map<Long, Map<String, Long>> flows = new HashMap<>();
        byItem.forEach((item, parcels) -> {
            Map<Long, List<SupplyParcel>> lines = new LinkedHashMap<>();
            parcels.forEach(p -> lines.computeIfAbsent(p.getDemand().lineId(), k -> new ArrayList<>()).add(p));
            List<DepotStock> depots = plan.getStock().stream()
                    .filter(s -> s.item().equals(item) && s.available() > 0).toList();
            long parcelSize = parcels.stream().mapToLong(SupplyParcel::getUnits).max().orElse(1);
            solveItem(plan, new ArrayList<>(lines.values()), depots, parcelSize, flows);
        });
        return new Flows(flows);
    }

    /** Nodes: 0 source, 1..L lines, L+1..L+K depots, L+K+1 sink. */
    private static void solveItem(DeploymentPlan plan, List<List<SupplyParcel>> lines, List<DepotStock> depots,
            long parcelSize, Map<Long, Map<String, Long>> flows) {
        int l = lines.size();
        int k = depots.size();
        int sink = l + k + 1;
        Graph g = new Graph(sink + 1);
        long total = 0;
        int[][] serve = new int[l][k];
        for (int i = 0; i < l; i++) {
            Demand demand = lines.get(i).get(0).getDemand();
            long units = lines.get(i).stream().mapToLong(SupplyParcel::getUnits).sum();
            total += units;
            g.add(0, 1 + i, units, 0);
            g.add(1 + i, sink, units, 0);
            for (int j = 0; j < k; j++) {
                long travel = plan.getTravel().between(depots.get(j).depot().county(), demand.county());
                serve[i][j] = g.add(1 + i, 1 + l + j, Long.MAX_VALUE / 4,
                        -demand.weight() * MEDIUM + travel * TRAVEL_SCALE / parcelSize);
            }
        }
        for (int j = 0; j < k; j++) {
            DepotStock stock = depots.get(j);
            g.add(1 + l + j, sink, stock.aboveFloor(), 0);
            g.add(1 + l + j, sink, stock.available() - stock.aboveFloor(), 2 * MEDIUM);
        }
        g.minCostFlow(0, sink, total);
        for (int i = 0; i < l; i++) {
            Map<String, Long> line = new LinkedHashMap<>();
            for (int j = 0; j < k; j++) {
                long flow = g.flow(serve[i][j]);
                if (flow > 0) {
                    line.put(depots.get(j).depot().code(), flow);
                }
            }
            flows.put(lines.get(i).get(0).getDemand().lineId(), line);
        }
    }

    /** Successive shortest paths (SPFA); the graph of one item has lines × depots arcs. */
    private static final class Graph {
        private final int n;
        private final List<int[]> ends = new ArrayList<>();
        private final List<long[]> residual = new ArrayList<>();
        private final List<Long> cost = new ArrayList<>();
        private final List<List<Integer>> out = new ArrayList<>();

        Graph(int n) {
            this.n = n;
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
            }
        }

        int add(int from, int to, long capacity, long c) {
            int id = ends.size();
            ends.add(new int[] {from, to});
            residual.add(new long[] {capacity});
            cost.add(c);
            out.get(from).add(id);
            ends.add(new int[] {to, from});
            residual.add(new long[] {0});
            cost.add(-c);
            out.get(to).add(id + 1);
            return id;
        }

        long flow(int arc) {
            return residual.get(arc ^ 1)[0];
        }

        void minCostFlow(int s, int t, long amount) {
            long[] dist = new long[n];
            int[] via = new int[n];
            boolean[] queued = new boolean[n];
            while (amount > 0) {
                Arrays.fill(dist, Long.MAX_VALUE);
                Arrays.fill(via, -1);
                dist[s] = 0;
                Deque<Integer> queue = new ArrayDeque<>();
                queue.add(s);
                while (!queue.isEmpty()) {
                    int u = queue.poll();
                    queued[u] = false;
                    for (int a : out.get(u)) {
                        if (residual.get(a)[0] <= 0) {
                            continue;
                        }
                        int v = ends.get(a)[1];
                        long d = dist[u] + cost.get(a);
                        if (d < dist[v]) {
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
                for (int v = t; v != s; v = ends.get(via[v])[0]) {
                    push = Math.min(push, residual.get(via[v])[0]);
                }
                for (int v = t; v != s; v = ends.get(via[v])[0]) {
                    residual.get(via[v])[0] -= push;
                    residual.get(via[v] ^ 1)[0] += push;
                }
                amount -= push;
            }
        }
    }
}
