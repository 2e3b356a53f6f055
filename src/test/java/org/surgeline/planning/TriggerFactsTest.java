package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.surgeline.planning.RebalanceTrigger.Kind;
import org.surgeline.planning.TriggerFacts.CountyBeds;
import org.surgeline.planning.TriggerFacts.CriticalLine;
import org.surgeline.planning.TriggerFacts.DepotItem;
import org.surgeline.planning.TriggerFacts.LabDay;

/** The trigger rules on their own: a quiet picture fires nothing, each condition fires only its trigger. */
class TriggerFactsTest {

    record Limits(int criticalLines, double depotFloorRatio, double isolationFreeRatio, double labUtilization,
            double labBacklogDays) implements PlanningConfig.Triggers {
        static final Limits DEFAULTS = new Limits(1, 1.0, 0.10, 0.90, 1.0);

        public boolean enabled() { return true; }
        public Duration interval() { return Duration.ofMinutes(5); }
        public int timeLimitSeconds() { return 30; }
    }

    private static final List<DepotItem> STOCKED = List.of(new DepotItem("WH-1", "MASK", 500, 300),
            new DepotItem("WH-1", "SWAB", 300, 300), new DepotItem("WH-2", "SUIT", 0, 0));
    private static final List<CountyBeds> ROOMY = List.of(new CountyBeds("141002", 200, 20),
            new CountyBeds("141024", 0, 0));
    private static final List<LabDay> CALM = List.of(new LabDay("LAB-1", "141002", 0.90, 1.0),
            new LabDay("LAB-2", "141024", null, null));

    private static TriggerFacts quiet() {
        return new TriggerFacts(List.of(), STOCKED, ROOMY, CALM);
    }

    @Test
    void aQuietSystemFiresNothing() {
        // Every figure sits exactly on its threshold, which does not fire.
        assertThat(quiet().fired(Limits.DEFAULTS)).isEmpty();
    }

    @Test
    void anUnplannedCriticalLineFiresOnItsOwn() {
        TriggerFacts facts = new TriggerFacts(List.of(new CriticalLine(7, 1, "141024", 5000)), STOCKED, ROOMY, CALM);
        assertThat(facts.fired(Limits.DEFAULTS)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Kind.CRITICAL_LINE_UNPLANNED);
            assertThat(t.subject()).isEqualTo("request 7 line 1");
        });
        assertThat(facts.fired(new Limits(2, 1.0, 0.10, 0.90, 1.0))).as("threshold of two lines").isEmpty();
    }

    @Test
    void aDepotBelowItsFloorFiresOnItsOwn() {
        TriggerFacts facts = new TriggerFacts(List.of(), List.of(new DepotItem("WH-1", "SWAB", 299, 300)), ROOMY, CALM);
        assertThat(facts.fired(Limits.DEFAULTS)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Kind.DEPOT_BELOW_FLOOR);
            assertThat(t.subject()).isEqualTo("WH-1/SWAB");
        });
        assertThat(facts.fired(new Limits(1, 0.5, 0.10, 0.90, 1.0))).as("only below half the floor").isEmpty();
    }

    @Test
    void aNearlyFullCountyFiresOnItsOwn() {
        TriggerFacts facts = new TriggerFacts(List.of(), STOCKED, List.of(new CountyBeds("141024", 200, 19)), CALM);
        assertThat(facts.fired(Limits.DEFAULTS)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Kind.ISOLATION_NEARLY_FULL);
            assertThat(t.subject()).isEqualTo("141024");
        });
        assertThat(facts.fired(new Limits(1, 1.0, 0.05, 0.90, 1.0))).isEmpty();
    }

    @Test
    void aBusyOrBackedUpLabFiresOnItsOwn() {
        TriggerFacts busy = new TriggerFacts(List.of(), STOCKED, ROOMY, List.of(new LabDay("LAB-1", "141024", 0.91, 0.2)));
        TriggerFacts behind = new TriggerFacts(List.of(), STOCKED, ROOMY, List.of(new LabDay("LAB-1", "141024", 0.5, 1.2)));
        for (TriggerFacts facts : List.of(busy, behind)) {
            assertThat(facts.fired(Limits.DEFAULTS)).singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo(Kind.LAB_OVERLOADED);
                assertThat(t.subject()).isEqualTo("LAB-1");
            });
        }
        assertThat(busy.fired(new Limits(1, 1.0, 0.10, 0.95, 1.0))).isEmpty();
        assertThat(behind.fired(new Limits(1, 1.0, 0.10, 0.90, 1.5))).isEmpty();
    }

    @Test
    void aLabThatDidNotReportFiresNothingAndALabWithNoCapacityAndABacklogFires() {
        // Its last backlog stays on paper while it does not report: no plan can clear that figure.
        TriggerFacts silent = new TriggerFacts(List.of(), STOCKED, ROOMY,
                List.of(new LabDay("LAB-1", "141024", 0.0, 3.0, false, 900)));
        assertThat(silent.fired(Limits.DEFAULTS)).isEmpty();
        // Suspended (no capacity) with samples waiting: no utilization or days to clear, yet behind.
        TriggerFacts stuck = new TriggerFacts(List.of(), STOCKED, ROOMY,
                List.of(new LabDay("LAB-1", "141024", null, null, true, 900)));
        assertThat(stuck.fired(Limits.DEFAULTS)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Kind.LAB_OVERLOADED);
            assertThat(t.subject()).isEqualTo("LAB-1");
        });
    }
}
