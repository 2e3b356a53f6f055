package org.surgeline.planning.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.surgeline.personnel.Skill;
import org.surgeline.planning.solver.BedBlock;
import org.surgeline.planning.solver.Demand;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.PlanDepot;
import org.surgeline.planning.solver.PlanLab;
import org.surgeline.planning.solver.PlanSite;
import org.surgeline.planning.solver.PlanTeam;
import org.surgeline.planning.solver.PlanningWeights;
import org.surgeline.planning.solver.SampleBatch;
import org.surgeline.planning.solver.RevertPass;
import org.surgeline.planning.solver.SupplyParcel;
import org.surgeline.planning.solver.TeamShift;

/**
 * The stability figure of docs/benchmarks.md; skipped unless asked for:
 * {@code ./mvnw test -Dtest=RebalanceBenchmark -Dbenchmark.sizes=S,M -Dbenchmark.seconds=30}.
 * A plan is solved and "published"; one CRITICAL request arrives (supplies of a scarce item and a
 * team for three days); the same snapshot is then solved twice for the same time: as a rebalance
 * (warm start from the published plan, stability penalty, today's team days pinned) and from
 * scratch (no warm start, no stability penalty, the same pins). Both are compared with the
 * published plan: assignments changed, and the medium score.
 */
class RebalanceBenchmark {

    @Test
    void benchmark() {
        String sizes = System.getProperty("benchmark.sizes");
        Assumptions.assumeTrue(sizes != null, "set -Dbenchmark.sizes=S,M to run");
        long seconds = Long.parseLong(System.getProperty("benchmark.seconds", "30"));
        System.out.println("| size | entities | changed by rebalance | changed from scratch | ratio "
                + "| medium, rebalance | medium, from scratch |");
        for (String name : sizes.split(",")) {
            run(InstanceGenerator.Size.valueOf(name.trim()), seconds);
        }
    }

    private static void run(InstanceGenerator.Size size, long seconds) {
        long publishSeconds = Long.parseLong(System.getProperty("benchmark.publishSeconds", String.valueOf(seconds)));
        DeploymentPlan published = solve(InstanceGenerator.generate(size, 42), publishSeconds, false);

        DeploymentPlan rebalance = nextSnapshot(published, true);
        rebalance.startFromPrevious();
        DeploymentPlan rebalanced = solve(rebalance, seconds, true);

        DeploymentPlan scratch = nextSnapshot(published, false);
        scratch.startFromPrevious();
        // From scratch: only the pinned team days keep their team; everything else starts empty.
        scratch.getParcels().forEach(p -> p.setSource(null));
        scratch.getShifts().stream().filter(s -> !s.isPinned()).forEach(s -> s.setTeam(null));
        scratch.getBedBlocks().forEach(b -> b.setSite(null));
        scratch.getSampleBatches().forEach(b -> b.setLab(null));
        DeploymentPlan fromScratch = solve(scratch, seconds, false);

        int changedByRebalance = rebalanced.changedFromPrevious();
        int changedFromScratch = changed(published, fromScratch);
        // Medium counts the weighted demand left unmet, and in a rebalance also each change (its
        // stability weight): compare the demand part.
        long rebalanceDemand = rebalanced.getScore().mediumScore()
                + rebalance.getWeights().stability().mediumScore() * changedByRebalance;
        HardMediumSoftLongScore r = HardMediumSoftLongScore.of(rebalanced.getScore().hardScore(), rebalanceDemand, 0);
        HardMediumSoftLongScore s = fromScratch.getScore();
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f %% | %s%d | %s%d |%n", size,
                published.getParcels().size() + published.getShifts().size() + published.getBedBlocks().size()
                        + published.getSampleBatches().size(),
                changedByRebalance, changedFromScratch, 100.0 * changedByRebalance / Math.max(1, changedFromScratch),
                r.hardScore() == 0 ? "" : r.hardScore() + "hard ", r.mediumScore(),
                s.hardScore() == 0 ? "" : s.hardScore() + "hard ", s.mediumScore());
    }

    private static DeploymentPlan solve(DeploymentPlan problem, long seconds, boolean rebalance) {
        SolverConfig config = SolverConfig.createFromXmlResource("solverConfig.xml");
        DeploymentPlan best = SolverFactory.<DeploymentPlan>create(config.copyConfig()
                .withTerminationSpentLimit(Duration.ofSeconds(seconds))).buildSolver().solve(problem);
        return rebalance ? RevertPass.solverFactory(config).buildSolver().solve(best) : best;
    }

    /**
     * The published plan's problem after a CRITICAL request arrived: every entity remembers where
     * the plan put it; with {@code stability} off (from scratch) it remembers nothing, so nothing
     * is penalized for moving. The published plan's date is "today".
     */
    private static DeploymentPlan nextSnapshot(DeploymentPlan published, boolean stability) {
        List<SupplyParcel> parcels = new ArrayList<>();
        published.getParcels().forEach(p -> parcels.add(new SupplyParcel(p.getId(), p.getDemand(), p.getItem(),
                p.getUnits(), stability ? code(p.getSource(), PlanDepot::code) : null)));
        List<TeamShift> shifts = new ArrayList<>();
        published.getShifts().forEach(t -> {
            // Today's team days are pinned in both: they are being worked.
            boolean today = t.getDate().equals(published.getPlanDate());
            shifts.add(new TeamShift(t.getId(), t.getDemand(), t.getSkill(), t.getDate(),
                    stability || today ? code(t.getTeam(), PlanTeam::code) : null));
        });
        List<BedBlock> beds = new ArrayList<>();
        published.getBedBlocks().forEach(b -> beds.add(new BedBlock(b.getId(), b.getDemand(), b.getDate(),
                b.getBeds(), stability ? code(b.getSite(), PlanSite::code) : null)));
        List<SampleBatch> batches = new ArrayList<>();
        published.getSampleBatches().forEach(b -> batches.add(new SampleBatch(b.getId(), b.getDemand(), b.getDate(),
                b.getSamples(), stability ? code(b.getLab(), PlanLab::code) : null)));

        // The surge: a CRITICAL line for the item the depots hold least of, and a team for three days.
        String scarce = published.getStock().stream()
                .collect(Collectors.groupingBy(s -> s.item(), Collectors.summingLong(s -> s.available())))
                .entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long parcelUnits = published.getParcels().stream().filter(p -> p.getItem().equals(scarce))
                .mapToLong(SupplyParcel::getUnits).max().orElse(100);
        String county = published.getDepots().get(0).county();
        Demand supplies = new Demand(999_999, 9_999_991, 1, county, 10);
        for (int k = 0; k < 4; k++) {
            parcels.add(new SupplyParcel("p-9999991-" + k, supplies, scarce, parcelUnits, null));
        }
        Demand team = new Demand(999_999, 9_999_992, 2, county, 10);
        for (int d = 1; d <= 3; d++) {
            LocalDate date = published.getPlanDate().plusDays(d);
            shifts.add(new TeamShift("t-9999992-" + date + "-1", team, Skill.SAMPLING, date, null));
        }
        return new DeploymentPlan(published.getPlanDate(), published.getHorizonDays(), published.getDepots(),
                published.getStock(), published.getTeams(), published.getSites(), published.getLabs(),
                published.getTravel(), parcels, shifts, beds, batches,
                new PlanningWeights(2, 1000, 100, 60,
                        HardMediumSoftLongScore.parseScore(System.getProperty("benchmark.stability", "0hard/1medium/0soft"))));
    }

    /** Assignments of the published plan that {@code other} holds differently, matched by entity id. */
    private static int changed(DeploymentPlan published, DeploymentPlan other) {
        int changed = 0;
        Map<String, String> before = assignments(published);
        Map<String, String> after = assignments(other);
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (e.getValue() != null && !e.getValue().equals(after.get(e.getKey()))) {
                changed++;
            }
        }
        return changed;
    }

    private static Map<String, String> assignments(DeploymentPlan plan) {
        Map<String, String> byId = new java.util.HashMap<>();
        plan.getParcels().forEach(p -> byId.put(p.getId(), code(p.getSource(), PlanDepot::code)));
        plan.getShifts().forEach(s -> byId.put(s.getId(), code(s.getTeam(), PlanTeam::code)));
        plan.getBedBlocks().forEach(b -> byId.put(b.getId(), code(b.getSite(), PlanSite::code)));
        plan.getSampleBatches().forEach(b -> byId.put(b.getId(), code(b.getLab(), PlanLab::code)));
        return byId;
    }

    private static <T> String code(T value, Function<T, String> code) {
        return value == null ? null : code.apply(value);
    }
}
