package org.surgeline.planning.benchmark;

import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.surgeline.DemoUsers;
import org.surgeline.planning.PlanKind;
import org.surgeline.planning.PlanningSnapshot;
import org.surgeline.planning.solver.BedBlock;
import org.surgeline.planning.solver.DeploymentPlan;
import org.surgeline.planning.solver.PlanLab;
import org.surgeline.planning.solver.PlanSite;
import org.surgeline.planning.solver.SampleBatch;

/**
 * Fragmented capacity on the demo city (docs/benchmarks.md); skipped unless asked for:
 * {@code ./mvnw test -Dtest=FragmentedCapacityBenchmark -Dbenchmark.fragments=30}. Every county
 * asks for more beds and samples than the city can give for three days, so the city's free beds
 * and spare samples are what limits the plan; the same snapshot is solved with the demand cut
 * into whole blocks of 10 beds and batches of 5,000 samples, and cut as the service cuts it now
 * (the last two blocks or batches of a day halved down), and the share of the offered capacity used is
 * compared.
 */
@QuarkusTest
class FragmentedCapacityBenchmark {

    @Inject
    PlanningSnapshot snapshot;

    @Test
    void benchmark() {
        String seconds = System.getProperty("benchmark.fragments");
        Assumptions.assumeTrue(seconds != null, "set -Dbenchmark.fragments=<seconds> to run");
        String today = LocalDate.now().toString();
        for (String county : List.of("141002", "141021", "141023", "141024", "141026", "141029", "141031", "141081")) {
            long id = as(officerOf(county)).body(Map.of("priority", "URGENT", "neededBy", today, "lines", List.of(
                            Map.of("kind", "ISOLATION_BEDS", "quantity", 307, "fromDate", today, "days", 3),
                            Map.of("kind", "LAB_THROUGHPUT", "quantity", 31_234, "fromDate", today, "days", 3))))
                    .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
            as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then().statusCode(200);
        }
        DeploymentPlan cut = snapshot.build(LocalDate.now(), 3, PlanKind.MANUAL).plan();
        DeploymentPlan whole = new DeploymentPlan(cut.getPlanDate(), cut.getHorizonDays(), cut.getDepots(),
                cut.getStock(), cut.getTeams(), cut.getSites(), cut.getLabs(), cut.getTravel(), List.of(), List.of(),
                wholeBlocks(cut.getBedBlocks()), wholeBatches(cut.getSampleBatches()), cut.getWeights());
        DeploymentPlan nowCut = new DeploymentPlan(cut.getPlanDate(), cut.getHorizonDays(), cut.getDepots(),
                cut.getStock(), cut.getTeams(), cut.getSites(), cut.getLabs(), cut.getTravel(), List.of(), List.of(),
                cut.getBedBlocks(), cut.getSampleBatches(), cut.getWeights());
        long bedsOffered = 0;
        long samplesOffered = 0;
        for (LocalDate d = cut.getPlanDate(); d.isBefore(cut.getPlanDate().plusDays(3)); d = d.plusDays(1)) {
            for (PlanSite s : cut.getSites()) {
                bedsOffered += s.freeBedsOn(d);
            }
            for (PlanLab l : cut.getLabs()) {
                samplesOffered += l.spareSamplesOn(d);
            }
        }
        System.out.printf(Locale.ROOT, "offered: %d bed-days at %d sites, %d samples at %d labs%n", bedsOffered,
                cut.getSites().size(), samplesOffered, cut.getLabs().size());
        for (Map.Entry<String, DeploymentPlan> run : Map.of("whole blocks and batches", whole,
                "last two blocks and batches halved", nowCut).entrySet()) {
            DeploymentPlan best = SolverFactory.<DeploymentPlan>create(SolverConfig.createFromXmlResource("solverConfig.xml")
                    .withTerminationSpentLimit(Duration.ofSeconds(Long.parseLong(seconds))))
                    .buildSolver().solve(run.getValue());
            long beds = best.getBedBlocks().stream().filter(b -> b.getSite() != null).mapToLong(BedBlock::getBeds).sum();
            long samples = best.getSampleBatches().stream().filter(b -> b.getLab() != null)
                    .mapToLong(SampleBatch::getSamples).sum();
            System.out.printf(Locale.ROOT, "%s: %d blocks, %d batches; score %s; placed %d bed-days (%.1f %% of offered), "
                    + "routed %d samples (%.1f %% of spare)%n", run.getKey(), run.getValue().getBedBlocks().size(),
                    run.getValue().getSampleBatches().size(), best.getScore(), beds, 100.0 * beds / bedsOffered, samples,
                    100.0 * samples / samplesOffered);
        }
    }

    private static List<BedBlock> wholeBlocks(List<BedBlock> blocks) {
        Map<String, long[]> perLineDay = new LinkedHashMap<>();
        Map<String, BedBlock> first = new LinkedHashMap<>();
        blocks.forEach(b -> {
            String key = b.getDemand().lineId() + "/" + b.getDate();
            perLineDay.computeIfAbsent(key, k -> new long[1])[0] += b.getBeds();
            first.putIfAbsent(key, b);
        });
        List<BedBlock> whole = new ArrayList<>();
        perLineDay.forEach((key, beds) -> {
            BedBlock b = first.get(key);
            for (long left = beds[0], k = 0; left > 0; left -= Math.min(10, left), k++) {
                whole.add(new BedBlock("w-" + key + "-" + k, b.getDemand(), b.getDate(), Math.min(10, left), null));
            }
        });
        return whole;
    }

    private static List<SampleBatch> wholeBatches(List<SampleBatch> batches) {
        Map<String, long[]> perLineDay = new LinkedHashMap<>();
        Map<String, SampleBatch> first = new LinkedHashMap<>();
        batches.forEach(b -> {
            String key = b.getDemand().lineId() + "/" + b.getDate();
            perLineDay.computeIfAbsent(key, k -> new long[1])[0] += b.getSamples();
            first.putIfAbsent(key, b);
        });
        List<SampleBatch> whole = new ArrayList<>();
        perLineDay.forEach((key, samples) -> {
            SampleBatch b = first.get(key);
            for (long left = samples[0], k = 0; left > 0; left -= Math.min(5_000, left), k++) {
                whole.add(new SampleBatch("w-" + key + "-" + k, b.getDemand(), b.getDate(), Math.min(5_000, left), null));
            }
        });
        return whole;
    }
}
