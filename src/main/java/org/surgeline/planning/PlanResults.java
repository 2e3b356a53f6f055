package org.surgeline.planning;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.DepotStock;
import org.surgeline.planning.solver.Justifications;
import org.surgeline.planning.solver.SupplyParcel;
import org.surgeline.request.LineKind;

/** Turns a solved {@link DeploymentPlan} and its score explanation into a {@link PlanResult}. */
final class PlanResults {

    private PlanResults() {
    }

    static PlanResult of(DeploymentPlan plan, ScoreExplanation<DeploymentPlan, HardMediumSoftLongScore> explanation) {
        List<PlanResult.PlannedShipment> shipments = new ArrayList<>();
        plan.getParcels().stream().filter(p -> p.getSource() != null)
                .collect(Collectors.groupingBy(p -> p.getDemand().lineId() + "/" + p.getSource().code(),
                        LinkedHashMap::new, Collectors.toList()))
                .values().forEach(group -> {
                    SupplyParcel first = group.get(0);
                    shipments.add(new PlanResult.PlannedShipment(first.getDemand().requestId(),
                            first.getDemand().lineId(), first.getDemand().lineNo(), first.getItem(),
                            first.getSource().code(), first.getDemand().county(),
                            group.stream().mapToLong(SupplyParcel::getUnits).sum(), group.size()));
                });
        List<PlanResult.PlannedShift> shifts = plan.getShifts().stream().filter(s -> s.getTeam() != null)
                .map(s -> new PlanResult.PlannedShift(s.getTeam().code(), s.getSkill(), s.getDemand().county(),
                        s.getDate(), s.getDemand().requestId(), s.getDemand().lineId(), s.getDemand().lineNo()))
                .sorted(Comparator.comparing(PlanResult.PlannedShift::teamCode)
                        .thenComparing(PlanResult.PlannedShift::date))
                .toList();
        List<PlanResult.BedPlacement> beds = plan.getBedBlocks().stream().filter(b -> b.getSite() != null)
                .map(b -> new PlanResult.BedPlacement(b.getSite().code(), b.getSite().county(),
                        b.getDemand().county(), b.getDate(), b.getBeds(), b.getDemand().requestId(),
                        b.getDemand().lineId(), b.getDemand().lineNo()))
                .toList();
        List<PlanResult.SampleRoute> samples = plan.getSampleBatches().stream().filter(b -> b.getLab() != null)
                .map(b -> new PlanResult.SampleRoute(b.getLab().code(), b.getLab().county(), b.getDemand().county(),
                        b.getDate(), b.getSamples(), b.getDemand().requestId(), b.getDemand().lineId(),
                        b.getDemand().lineNo()))
                .toList();

        List<PlanResult.Unmet> unmet = new ArrayList<>();
        plan.getParcels().stream().filter(p -> p.getSource() == null).forEach(p -> unmet.add(new PlanResult.Unmet(
                p.getDemand().requestId(), p.getDemand().lineId(), p.getDemand().lineNo(), p.getDemand().county(),
                LineKind.SUPPLY, p.getItem(), p.getUnits())));
        plan.getShifts().stream().filter(s -> s.getTeam() == null).forEach(s -> unmet.add(new PlanResult.Unmet(
                s.getDemand().requestId(), s.getDemand().lineId(), s.getDemand().lineNo(), s.getDemand().county(),
                LineKind.TEAM, s.getSkill() + " team on " + s.getDate(), 1)));
        plan.getBedBlocks().stream().filter(b -> b.getSite() == null).forEach(b -> unmet.add(new PlanResult.Unmet(
                b.getDemand().requestId(), b.getDemand().lineId(), b.getDemand().lineNo(), b.getDemand().county(),
                LineKind.ISOLATION_BEDS, "beds on " + b.getDate(), b.getBeds())));
        plan.getSampleBatches().stream().filter(b -> b.getLab() == null).forEach(b -> unmet.add(new PlanResult.Unmet(
                b.getDemand().requestId(), b.getDemand().lineId(), b.getDemand().lineNo(), b.getDemand().county(),
                LineKind.LAB_THROUGHPUT, "samples on " + b.getDate(), b.getSamples())));
        Map<Long, List<PlanResult.Unmet>> merged = unmet.stream()
                .collect(Collectors.groupingBy(PlanResult.Unmet::lineId, LinkedHashMap::new, Collectors.toList()));
        List<PlanResult.Unmet> unmetByLine = merged.values().stream().map(list -> {
            PlanResult.Unmet first = list.get(0);
            String what = first.kind() == LineKind.SUPPLY ? first.what() : first.kind().name();
            return new PlanResult.Unmet(first.requestId(), first.lineId(), first.lineNo(), first.countyCode(),
                    first.kind(), what, list.stream().mapToLong(PlanResult.Unmet::quantity).sum());
        }).toList();

        return new PlanResult(shipments, shifts, beds, samples, unmetByLine, explain(plan, explanation));
    }

    /**
     * Per request line: asked, met, unmet, and why, from the constraint matches that touch the
     * line and from the stock the snapshot saw.
     */
    private static List<PlanResult.LineExplanation> explain(DeploymentPlan plan,
            ScoreExplanation<DeploymentPlan, HardMediumSoftLongScore> explanation) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        List<String> hardProblems = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            if (total.getScore().hardScore() < 0) {
                for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
                    hardProblems.add(description(match));
                }
            }
        }
        List<PlanResult.LineExplanation> lines = new ArrayList<>();
        plan.getParcels().stream().collect(Collectors.groupingBy(p -> p.getDemand().lineId(), LinkedHashMap::new,
                Collectors.toList())).values().forEach(group -> {
                    SupplyParcel first = group.get(0);
                    long asked = group.stream().mapToLong(SupplyParcel::getUnits).sum();
                    long met = group.stream().filter(p -> p.getSource() != null).mapToLong(SupplyParcel::getUnits).sum();
                    List<String> reasons = new ArrayList<>();
                    if (met < asked) {
                        reasons.add(n.format(asked - met) + " of " + n.format(asked) + " " + first.getItem()
                                + " unmet: " + supplyShortfall(plan, first, n));
                    } else {
                        reasons.add("all " + n.format(asked) + " " + first.getItem() + " planned");
                    }
                    lines.add(new PlanResult.LineExplanation(first.getDemand().requestId(), first.getDemand().lineNo(),
                            first.getDemand().county(), LineKind.SUPPLY, asked, met, asked - met, reasons));
                });
        addCounted(lines, plan.getShifts().stream().map(s -> new Counted(s.getDemand(), LineKind.TEAM, 1,
                s.getTeam() != null, s.getSkill() + " shifts")).toList(),
                "no free team of that skill within the horizon on those days (teams booked, off, or already used)");
        addCounted(lines, plan.getBedBlocks().stream().map(b -> new Counted(b.getDemand(), LineKind.ISOLATION_BEDS,
                b.getBeds(), b.getSite() != null, "bed-days")).toList(),
                "no isolation site has that many free beds left on those days");
        addCounted(lines, plan.getSampleBatches().stream().map(b -> new Counted(b.getDemand(), LineKind.LAB_THROUGHPUT,
                b.getSamples(), b.getLab() != null, "samples")).toList(),
                "no lab has that much spare capacity left on those days");
        if (!hardProblems.isEmpty()) {
            lines.add(new PlanResult.LineExplanation(0, 0, null, null, 0, 0, 0, hardProblems));
        }
        return lines;
    }

    private record Counted(org.surgeline.planning.solver.Demand demand, LineKind kind, long quantity, boolean met,
            String unit) {
    }

    private static void addCounted(List<PlanResult.LineExplanation> lines, List<Counted> entities, String why) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        entities.stream().collect(Collectors.groupingBy(c -> c.demand().lineId(), LinkedHashMap::new,
                Collectors.toList())).values().forEach(group -> {
                    Counted first = group.get(0);
                    long asked = group.stream().mapToLong(Counted::quantity).sum();
                    long met = group.stream().filter(Counted::met).mapToLong(Counted::quantity).sum();
                    String reason = met < asked
                            ? n.format(asked - met) + " of " + n.format(asked) + " " + first.unit() + " unmet: " + why
                            : "all " + n.format(asked) + " " + first.unit() + " planned";
                    lines.add(new PlanResult.LineExplanation(first.demand().requestId(), first.demand().lineNo(),
                            first.demand().county(), first.kind(), asked, met, asked - met, List.of(reason)));
                });
    }

    /** Why a supply line is short: what depots hold above their floors, and the nearest with any. */
    private static String supplyShortfall(DeploymentPlan plan, SupplyParcel parcel, NumberFormat n) {
        String item = parcel.getItem();
        String county = parcel.getDemand().county();
        long shippedElsewhere = plan.getParcels().stream()
                .filter(p -> p.getSource() != null && p.getItem().equals(item) && p.getDemand().lineId() != parcel.getDemand().lineId())
                .mapToLong(SupplyParcel::getUnits).sum();
        List<DepotStock> holding = plan.getStock().stream().filter(s -> s.item().equals(item) && s.available() > 0)
                .sorted(Comparator.comparingInt(s -> plan.getTravel().between(s.depot().county(), county))).toList();
        if (holding.isEmpty()) {
            return "no depot holds any " + item;
        }
        long aboveFloor = holding.stream().mapToLong(DepotStock::aboveFloor).sum();
        DepotStock nearest = holding.get(0);
        String where = "nearest holding it is " + nearest.depot().code() + " (county " + nearest.depot().county()
                + ", " + plan.getTravel().between(nearest.depot().county(), county) + " min)";
        if (parcel.getDemand().weight() <= 1) {
            return "routine demand does not draw below reserve floors; " + n.format(aboveFloor)
                    + " can leave all depots above their floors, " + n.format(shippedElsewhere)
                    + " go to other requests; " + where;
        }
        return "depots hold " + n.format(holding.stream().mapToLong(DepotStock::available).sum())
                + " available, " + n.format(shippedElsewhere) + " go to other requests of equal or higher priority; "
                + where;
    }

    private static String description(ConstraintMatch<HardMediumSoftLongScore> match) {
        return match.getJustification() instanceof Justifications.Described described
                ? described.description() : String.valueOf(match.getJustification());
    }
}
