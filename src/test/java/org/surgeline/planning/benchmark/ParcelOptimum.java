package org.surgeline.planning.benchmark;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.DepotStock;
import org.surgeline.planning.solver.SupplyParcel;

/**
 * The supply part with whole parcels, solved by CP-SAT: each parcel from at most one depot that
 * holds its item (never one of the requesting county's own), depots within what they have, no
 * routine units where a depot goes below its floor; medium = unmet units × weight + units below a
 * floor × 2, soft = travel minutes per parcel, lexicographic (medium first). Where CP-SAT proves
 * optimality this is the planner's true reference; otherwise its best and its bound are reported.
 */
final class ParcelOptimum {

    /** Best medium and soft found, and the proven lower bound on medium. */
    record Result(long medium, long mediumBound, long soft, String status, double seconds) {
    }

    private ParcelOptimum() {
    }

    static Result of(DeploymentPlan plan, double timeLimitSeconds) {
        Loader.loadNativeLibraries();
        CpModel model = new CpModel();
        Map<String, List<DepotStock>> stockByItem = new HashMap<>();
        plan.getStock().stream().filter(s -> s.available() > 0)
                .forEach(s -> stockByItem.computeIfAbsent(s.item(), k -> new ArrayList<>()).add(s));
        Map<DepotStock, LinearExprBuilder> shipped = new HashMap<>();
        Map<DepotStock, LinearExprBuilder> routine = new HashMap<>();
        LinearExprBuilder medium = LinearExpr.newBuilder();
        LinearExprBuilder soft = LinearExpr.newBuilder();
        long unmetIfNothing = 0;
        List<Literal> all = new ArrayList<>();
        for (SupplyParcel parcel : plan.getParcels()) {
            long value = parcel.getUnits() * parcel.getDemand().weight();
            unmetIfNothing += value;
            List<Literal> choices = new ArrayList<>();
            for (DepotStock stock : stockByItem.getOrDefault(parcel.getItem(), List.of())) {
                if (stock.available() < parcel.getUnits()
                        || stock.depot().county().equals(parcel.getDemand().county())) {
                    continue;
                }
                Literal x = model.newBoolVar(parcel.getId() + "@" + stock.depot().code());
                choices.add(x);
                all.add(x);
                shipped.computeIfAbsent(stock, k -> LinearExpr.newBuilder()).addTerm(x, parcel.getUnits());
                if (parcel.getDemand().routine()) {
                    routine.computeIfAbsent(stock, k -> LinearExpr.newBuilder()).addTerm(x, parcel.getUnits());
                }
                medium.addTerm(x, -value);
                soft.addTerm(x, plan.getTravel().between(stock.depot().county(), parcel.getDemand().county()));
            }
            if (!choices.isEmpty()) {
                model.addAtMostOne(choices);
            }
        }
        for (var entry : shipped.entrySet()) {
            DepotStock stock = entry.getKey();
            LinearExpr out = entry.getValue().build();
            model.addLessOrEqual(out, stock.available());
            IntVar belowFloor = model.newIntVar(0, stock.available(), "below-" + stock.depot().code() + "-" + stock.item());
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(belowFloor).addTerm(out, -1).build(), -stock.aboveFloor());
            medium.addTerm(belowFloor, 2);
            if (routine.containsKey(stock)) {
                // Any routine units here, and the depot stays above its floor.
                Literal routineHere = model.newBoolVar("routine-" + stock.depot().code() + "-" + stock.item());
                model.addLessOrEqual(LinearExpr.newBuilder().add(routine.get(stock).build())
                        .addTerm(routineHere, -stock.available()).build(), 0);
                model.addLessOrEqual(LinearExpr.newBuilder().add(out).addTerm(routineHere, stock.available()).build(),
                        stock.aboveFloor() + stock.available());
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(2);
        solver.getParameters().setMaxTimeInSeconds(timeLimitSeconds / 2);
        LinearExpr mediumExpr = medium.build();
        model.minimize(mediumExpr);
        CpSolverStatus first = solver.solve(model);
        long bestMedium = Math.round(solver.objectiveValue()) + unmetIfNothing;
        long mediumBound = Math.round(Math.ceil(solver.bestObjectiveBound())) + unmetIfNothing;
        double seconds = solver.wallTime();
        // Keep that medium and minimize travel, starting from the plan just found.
        for (Literal x : all) {
            model.addHint(x, solver.booleanValue(x));
        }
        model.addLessOrEqual(mediumExpr, bestMedium - unmetIfNothing);
        model.minimize(soft.build());
        CpSolverStatus second = solver.solve(model);
        seconds += solver.wallTime();
        return new Result(bestMedium, mediumBound, Math.round(solver.objectiveValue()), first + "/" + second, seconds);
    }
}
