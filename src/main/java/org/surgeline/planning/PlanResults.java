package org.surgeline.planning;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    private static final NumberFormat N = NumberFormat.getIntegerInstance(Locale.ENGLISH);

    private PlanResults() {
    }

    static PlanResult of(DeploymentPlan plan, PlanFacts facts,
            ScoreExplanation<DeploymentPlan, HardMediumSoftLongScore> explanation) {
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
        List<PlanResult.PlannedShift> shifts = Stream.concat(plan.getShifts().stream().filter(s -> s.getTeam() != null)
                .map(s -> new PlanResult.PlannedShift(s.getTeam().code(), s.getSkill(), s.getDemand().county(),
                        s.getDate(), s.getDemand().requestId(), s.getDemand().lineId(), s.getDemand().lineNo())),
                        facts.keptShifts().stream())
                .sorted(Comparator.comparing(PlanResult.PlannedShift::teamCode)
                        .thenComparing(PlanResult.PlannedShift::date))
                .toList();
        List<PlanResult.BedPlacement> beds = Stream.concat(plan.getBedBlocks().stream().filter(b -> b.getSite() != null)
                .map(b -> new PlanResult.BedPlacement(b.getSite().code(), b.getSite().county(),
                        b.getDemand().county(), b.getDate(), b.getBeds(), b.getDemand().requestId(),
                        b.getDemand().lineId(), b.getDemand().lineNo())), facts.keptBeds().stream())
                .toList();
        List<PlanResult.SampleRoute> samples = Stream.concat(plan.getSampleBatches().stream().filter(b -> b.getLab() != null)
                .map(b -> new PlanResult.SampleRoute(b.getLab().code(), b.getLab().county(), b.getDemand().county(),
                        b.getDate(), b.getSamples(), b.getDemand().requestId(), b.getDemand().lineId(),
                        b.getDemand().lineNo())), facts.keptSamples().stream())
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

        return new PlanResult(shipments, shifts, beds, samples, unmetByLine,
                explain(plan, facts, explanation), facts.ownBeds());
    }

    /** What this plan did with one line's entities: met and unmet, and where the met part went. */
    private record Placed(long met, long unmet, Map<String, Long> where, Map<String, Long> whereCounty) {
    }

    /**
     * Per approved line: asked, and where all of it stands (settled earlier, the county's own
     * beds, met, unmet, beyond the horizon), with the reasons in sentences: the full text, and the
     * officer's text about their own line without other counties' depots and figures.
     */
    private static List<PlanResult.LineExplanation> explain(DeploymentPlan plan, PlanFacts facts,
            ScoreExplanation<DeploymentPlan, HardMediumSoftLongScore> explanation) {
        Map<Long, Placed> placed = new HashMap<>();
        plan.getParcels().forEach(p -> place(placed, p.getDemand().lineId(), p.getUnits(),
                p.getSource() == null ? null : p.getSource().code(), p.getSource() == null ? null : p.getSource().county()));
        plan.getShifts().forEach(s -> place(placed, s.getDemand().lineId(), 1,
                s.getTeam() == null ? null : s.getTeam().code(), s.getTeam() == null ? null : s.getTeam().homeCounty()));
        plan.getBedBlocks().forEach(b -> place(placed, b.getDemand().lineId(), b.getBeds(),
                b.getSite() == null ? null : b.getSite().code(), b.getSite() == null ? null : b.getSite().county()));
        plan.getSampleBatches().forEach(b -> place(placed, b.getDemand().lineId(), b.getSamples(),
                b.getLab() == null ? null : b.getLab().code(), b.getLab() == null ? null : b.getLab().county()));
        Map<String, Long> drawn = new HashMap<>();
        plan.getParcels().stream().filter(p -> p.getSource() != null)
                .forEach(p -> drawn.merge(p.getSource().code() + "/" + p.getItem(), p.getUnits(), Long::sum));
        Map<String, DepotStock> stock = new HashMap<>();
        plan.getStock().forEach(s -> stock.put(s.depot().code() + "/" + s.item(), s));

        List<PlanResult.LineExplanation> lines = new ArrayList<>();
        for (PlanFacts.Line line : facts.lines()) {
            Placed p = placed.getOrDefault(line.lineId(), new Placed(0, 0, Map.of(), Map.of()));
            List<String> full = new ArrayList<>();
            List<String> county = new ArrayList<>();
            String summary = summary(line, p);
            full.add(summary);
            county.add(summary);
            if (line.ownCapacity() > 0) {
                String own = N.format(line.ownCapacity()) + " bed-days from county " + line.county()
                        + "'s own free beds (shared once across its bed lines, most urgent first)";
                full.add(own);
                county.add(own);
            }
            if (p.met() > 0) {
                full.add(N.format(p.met()) + " " + line.unit() + " planned: " + list(p.where()));
                String from = switch (line.kind()) {
                    case SUPPLY -> "from county ";
                    case TEAM -> "by teams of county ";
                    case ISOLATION_BEDS -> "at sites in county ";
                    case LAB_THROUGHPUT -> "at labs in county ";
                };
                county.add(N.format(p.met()) + " " + line.unit() + " planned, " + from + list(p.whereCounty()));
            }
            if (line.kind() == LineKind.SUPPLY) {
                supplyReasons(plan, line, p, drawn, stock, full, county);
            } else if (p.unmet() > 0) {
                String why = switch (line.kind()) {
                    case TEAM -> "no free team of that skill on those days (teams booked, off, or already used)";
                    case ISOLATION_BEDS -> "no isolation site has that many free beds left on those days";
                    default -> "no lab has that much spare capacity left on those days";
                };
                full.add(N.format(p.unmet()) + " " + line.unit() + " unmet: " + why);
                county.add(N.format(p.unmet()) + " " + line.unit() + " unmet: " + why);
            }
            if (line.beyondHorizon() > 0) {
                String beyond = N.format(line.beyondHorizon()) + " of " + N.format(line.asked()) + " " + line.unit()
                        + " fall after this plan's horizon (" + plan.getPlanDate() + " to "
                        + plan.getPlanDate().plusDays(plan.getHorizonDays() - 1) + ")"
                        + (line.keptBeyondHorizon() > 0 ? "; " + N.format(line.keptBeyondHorizon())
                                + " of them stay as the plan in force placed them" : "; a later plan places them");
                full.add(beyond);
                county.add(beyond);
            }
            lines.add(new PlanResult.LineExplanation(line.requestId(), line.lineNo(), line.county(), line.kind(),
                    line.unit(), line.asked(), line.earlier(), line.ownCapacity(), p.met(), p.unmet(),
                    line.beyondHorizon(), full, county));
        }
        List<String> hardProblems = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            if (total.getScore().hardScore() < 0) {
                for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
                    hardProblems.add(description(match));
                }
            }
        }
        if (!hardProblems.isEmpty()) {
            lines.add(new PlanResult.LineExplanation(0, 0, null, null, null, 0, 0, 0, 0, 0, 0, hardProblems, null));
        }
        return lines;
    }

    private static void place(Map<Long, Placed> placed, long lineId, long quantity, String where, String county) {
        Placed p = placed.computeIfAbsent(lineId, k -> new Placed(0, 0, new TreeMap<>(), new TreeMap<>()));
        if (where == null) {
            placed.put(lineId, new Placed(p.met(), p.unmet() + quantity, p.where(), p.whereCounty()));
        } else {
            p.where().merge(where + " (county " + county + ")", quantity, Long::sum);
            p.whereCounty().merge(county, quantity, Long::sum);
            placed.put(lineId, new Placed(p.met() + quantity, p.unmet(), p.where(), p.whereCounty()));
        }
    }

    /** "2,000 bed-days asked: 30 from the county's own free beds, 1,970 planned". */
    private static String summary(PlanFacts.Line line, Placed p) {
        List<String> parts = new ArrayList<>();
        if (line.earlier() > 0) {
            parts.add(N.format(line.earlier()) + (line.kind() == LineKind.SUPPLY ? " already dispatched"
                    : " settled before this plan (days before its plan date, or planned earlier)"));
        }
        if (line.ownCapacity() > 0) {
            parts.add(N.format(line.ownCapacity()) + " from the county's own free beds");
        }
        parts.add(N.format(p.met()) + " planned");
        if (p.unmet() > 0) {
            parts.add(N.format(p.unmet()) + " unmet");
        }
        if (line.beyondHorizon() > 0) {
            parts.add(N.format(line.beyondHorizon()) + " after this plan's horizon");
        }
        return N.format(line.asked()) + " " + line.unit() + " asked: " + String.join(", ", parts);
    }

    private static String list(Map<String, Long> quantities) {
        return quantities.entrySet().stream().map(e -> N.format(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /**
     * A supply line's floors and shortfall: which depots this plan draws below their reserve floor
     * (URGENT and CRITICAL demand may) and by how much, why the rest is unmet, and what the county's
     * own depots hold above their floors (a county is never supplied from its own depots).
     */
    private static void supplyReasons(DeploymentPlan plan, PlanFacts.Line line, Placed p, Map<String, Long> drawn,
            Map<String, DepotStock> stock, List<String> full, List<String> county) {
        String item = line.what();
        List<String> crossed = new ArrayList<>();
        for (String depot : new TreeSet<>(plan.getParcels().stream()
                .filter(x -> x.getDemand().lineId() == line.lineId() && x.getSource() != null)
                .map(x -> x.getSource().code()).toList())) {
            DepotStock s = stock.get(depot + "/" + item);
            long below = drawn.getOrDefault(depot + "/" + item, 0L) - (s == null ? 0 : s.aboveFloor());
            if (s != null && below > 0) {
                crossed.add(depot + " " + N.format(below) + " below its reserve floor of " + N.format(s.floor()));
            }
        }
        if (!crossed.isEmpty()) {
            full.add((line.routine() ? "although routine demand may not (see the hard problems)"
                    : "as its priority allows") + ", this plan draws " + String.join(", ", crossed) + " " + item);
            county.add("part of it comes from stock held in reserve elsewhere, as its priority allows");
        }
        if (p.unmet() > 0) {
            full.add(N.format(p.unmet()) + " of " + N.format(p.met() + p.unmet()) + " " + item + " unmet: "
                    + supplyShortfall(plan, line));
            county.add(N.format(p.unmet()) + " " + item + " unmet: " + (line.routine()
                    ? "routine requests are met only from stock above reserve floors, and other counties cannot "
                            + "spare more now"
                    : "other counties cannot spare more now, and requests of equal or higher priority came first"));
        }
        long ownAboveFloor = plan.getStock().stream()
                .filter(s -> s.item().equals(item) && s.depot().county().equals(line.county()))
                .mapToLong(DepotStock::aboveFloor).sum();
        String own = "county " + line.county() + "'s own depots hold " + N.format(ownAboveFloor) + " " + item
                + " above their reserve floors; a county is not supplied from its own depots";
        full.add(own);
        county.add(own);
    }

    /** Why a supply line is short: what depots hold above their floors, and the nearest with any. */
    private static String supplyShortfall(DeploymentPlan plan, PlanFacts.Line line) {
        String item = line.what();
        String county = line.county();
        SupplyParcel parcel = plan.getParcels().stream().filter(p -> p.getDemand().lineId() == line.lineId())
                .findFirst().orElse(null);
        if (parcel != null && parcel.getMinutesLeft() == 0) {
            return "its need-by date has passed: no parcel can arrive in time";
        }
        String expiring = "";
        if (parcel != null && parcel.getLastsUntil() != null) {
            long shortDated = plan.getStock().stream()
                    .filter(s -> s.item().equals(item) && !s.depot().county().equals(county))
                    .mapToLong(s -> s.available() - s.lastingUntil(parcel.getLastsUntil())).sum();
            if (shortDated > 0) {
                expiring = N.format(shortDated) + " available elsewhere expire before " + parcel.getLastsUntil()
                        + " (need-by date plus the expiry margin) and cannot serve it; ";
            }
        }
        long shippedToOthers = plan.getParcels().stream()
                .filter(p -> p.getSource() != null && p.getItem().equals(item) && p.getDemand().lineId() != line.lineId()
                        && p.getDemand().weight() >= line.weight())
                .mapToLong(SupplyParcel::getUnits).sum();
        List<DepotStock> holding = plan.getStock().stream()
                .filter(s -> s.item().equals(item) && s.available() > 0 && !s.depot().county().equals(county))
                .sorted(Comparator.comparingInt(s -> plan.getTravel().between(s.depot().county(), county))).toList();
        if (holding.isEmpty()) {
            return expiring + "no depot of another county holds any " + item;
        }
        long aboveFloor = holding.stream().mapToLong(DepotStock::aboveFloor).sum();
        DepotStock nearest = holding.get(0);
        String where = "nearest holding it is " + nearest.depot().code() + " (county " + nearest.depot().county()
                + ", " + plan.getTravel().between(nearest.depot().county(), county) + " min)";
        if (line.routine()) {
            return expiring + "routine demand does not draw below reserve floors; " + N.format(aboveFloor)
                    + " can leave other counties' depots above their floors, " + N.format(shippedToOthers)
                    + " go to other requests of equal or higher priority; " + where;
        }
        return expiring + "other counties' depots hold " + N.format(holding.stream().mapToLong(DepotStock::available).sum())
                + " available, " + N.format(shippedToOthers) + " go to other requests of equal or higher priority; "
                + where;
    }

    private static String description(ConstraintMatch<HardMediumSoftLongScore> match) {
        return match.getJustification() instanceof Justifications.Described described
                ? described.description() : String.valueOf(match.getJustification());
    }
}
