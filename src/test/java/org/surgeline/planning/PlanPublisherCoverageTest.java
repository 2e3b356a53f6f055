package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.personnel.Skill;
import org.surgeline.request.AllocationLine;

/** What publishing records as covered on team, bed and lab lines: the least covered day from the plan date on. */
class PlanPublisherCoverageTest {

    private static final LocalDate PLAN_DATE = LocalDate.of(2026, 12, 10);

    @Test
    void aTeamLineIsCoveredByItsLeastCoveredDay() {
        AllocationLine line = line(2, PLAN_DATE, 3);
        PlanResult result = result(List.of(shift("A", 0), shift("B", 0), shift("A", 1), shift("A", 2), shift("B", 2)),
                List.of(), List.of());
        assertThat(PlanPublisher.coverage(PLAN_DATE, result, (request, lineNo) -> line))
                .containsExactly(new LineCoverage(7, 70, 1, 1));
    }

    @Test
    void daysBeforeThePlanDateDoNotCountAndNeverMoreThanAskedIsRecorded() {
        AllocationLine line = line(1, PLAN_DATE.minusDays(2), 3);
        PlanResult result = result(List.of(shift("A", 0), shift("B", 0)), List.of(), List.of());
        assertThat(PlanPublisher.coverage(PLAN_DATE, result, (request, lineNo) -> line))
                .containsExactly(new LineCoverage(7, 70, 1, 1));
    }

    @Test
    void aDayWithNothingLeavesTheLineUncovered() {
        AllocationLine line = line(1, PLAN_DATE, 3);
        PlanResult result = result(List.of(shift("A", 0), shift("A", 2)), List.of(), List.of());
        assertThat(PlanPublisher.coverage(PLAN_DATE, result, (request, lineNo) -> line)).isEmpty();
    }

    @Test
    void bedsPlacedElsewhereAndTheCountysOwnBedsAddUp() {
        Map<Integer, AllocationLine> lines = Map.of(1, line(40, PLAN_DATE, 2));
        PlanResult result = result(List.of(),
                List.of(new PlanResult.BedPlacement("S1", "141002", "141021", PLAN_DATE, 25, 7, 70, 1),
                        new PlanResult.BedPlacement("S1", "141002", "141021", PLAN_DATE.plusDays(1), 10, 7, 70, 1)),
                List.of(new PlanResult.OwnBeds("S2", "141021", PLAN_DATE, 15, 7, 70, 1),
                        new PlanResult.OwnBeds("S2", "141021", PLAN_DATE.plusDays(1), 20, 7, 70, 1)));
        assertThat(PlanPublisher.coverage(PLAN_DATE, result, (request, lineNo) -> lines.get(lineNo)))
                .containsExactly(new LineCoverage(7, 70, 1, 30));
    }

    private static PlanResult.PlannedShift shift(String team, int day) {
        return new PlanResult.PlannedShift(team, Skill.values()[0], "141021", PLAN_DATE.plusDays(day), 7, 70, 1);
    }

    private static PlanResult result(List<PlanResult.PlannedShift> shifts, List<PlanResult.BedPlacement> beds,
            List<PlanResult.OwnBeds> ownBeds) {
        return new PlanResult(List.of(), shifts, beds, List.of(), List.of(), List.of(), ownBeds);
    }

    private static AllocationLine line(long quantity, LocalDate from, int days) {
        AllocationLine line = new AllocationLine();
        line.lineNo = 1;
        line.quantity = quantity;
        line.fromDate = from;
        line.days = days;
        return line;
    }
}
