package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.surgeline.planning.PlanDiff.Assignment;
import org.surgeline.planning.PlanDiff.ChangeType;
import org.surgeline.planning.PlanDiff.Provision;
import org.surgeline.planning.PlanDiff.Slot;
import org.surgeline.request.LineKind;

/** What counts as added, removed, changed or unchanged, on assignments with several providers. */
class PlanDiffTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static final Slot BEDS_DAY_1 = new Slot(7, 70, 1, "141024", DAY);
    private static final Slot BEDS_DAY_2 = new Slot(7, 70, 1, "141024", DAY.plusDays(1));
    private static final Slot OTHER_LINE = new Slot(8, 80, 1, "141081", DAY);
    private static final Slot NEW_LINE = new Slot(9, 90, 2, "141002", DAY);

    @Test
    void aSlotIsComparedByAllItsProvidersAndTheirSummedQuantities() {
        List<Assignment> inForce = List.of(
                new Assignment(BEDS_DAY_1, "SITE-A", 20), new Assignment(BEDS_DAY_1, "SITE-B", 10),
                new Assignment(BEDS_DAY_2, "SITE-A", 30),
                new Assignment(OTHER_LINE, "SITE-C", 5));
        List<Assignment> draft = List.of(
                // Same providers and totals, in another order and split differently: unchanged.
                new Assignment(BEDS_DAY_1, "SITE-B", 4), new Assignment(BEDS_DAY_1, "SITE-A", 20),
                new Assignment(BEDS_DAY_1, "SITE-B", 6),
                // One provider swapped: changed, from → to.
                new Assignment(BEDS_DAY_2, "SITE-A", 10), new Assignment(BEDS_DAY_2, "SITE-D", 20),
                new Assignment(NEW_LINE, "SITE-A", 3));

        PlanDiff.KindDiff beds = PlanDiff.compare(LineKind.ISOLATION_BEDS, inForce, draft);

        assertThat(List.of(beds.added(), beds.removed(), beds.changed(), beds.unchanged())).containsExactly(1, 1, 1, 1);
        assertThat(beds.changes()).extracting(PlanDiff.Change::type)
                .containsExactly(ChangeType.CHANGED, ChangeType.REMOVED, ChangeType.ADDED);
        PlanDiff.Change changed = beds.changes().get(0);
        assertThat(changed.date()).isEqualTo(DAY.plusDays(1));
        assertThat(changed.from()).containsExactly(new Provision("SITE-A", 30));
        assertThat(changed.to()).containsExactly(new Provision("SITE-A", 10), new Provision("SITE-D", 20));
        assertThat(beds.changes().get(1).to()).isEmpty();
        assertThat(beds.changes().get(2).from()).isEmpty();
    }

    @Test
    void nothingInForceIsAnEmptyDiffOfEveryKind() {
        PlanDiff none = PlanDiff.none(5);
        assertThat(none.inForceId()).isNull();
        assertThat(none.kinds()).extracting(PlanDiff.KindDiff::kind).containsExactly(LineKind.values());
        assertThat(none.total()).isZero();
    }
}
