package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.surgeline.planning.PlanStatus.CANCELLED;
import static org.surgeline.planning.PlanStatus.DRAFT;
import static org.surgeline.planning.PlanStatus.FAILED;
import static org.surgeline.planning.PlanStatus.PUBLISHED;
import static org.surgeline.planning.PlanStatus.QUEUED;
import static org.surgeline.planning.PlanStatus.SOLVING;
import static org.surgeline.planning.PlanStatus.SUPERSEDED;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The moves a plan run may make, and only those. */
class PlanStatusTransitionsTest {

    @Test
    void aQueuedRunIsClaimedOrCancelled() {
        assertThat(QUEUED.next()).containsExactlyInAnyOrder(SOLVING, CANCELLED);
    }

    @Test
    void aSolvingRunIsStoredFailedClaimedAgainHandedBackOrCancelled() {
        assertThat(SOLVING.next()).containsExactlyInAnyOrder(SOLVING, QUEUED, DRAFT, FAILED, CANCELLED);
    }

    @Test
    void onlyADraftIsPublishedAndOnlyThePlanInForceSuperseded() {
        assertThat(DRAFT.next()).containsExactlyInAnyOrder(PUBLISHED, CANCELLED);
        assertThat(PUBLISHED.next()).containsExactly(SUPERSEDED);
        for (PlanStatus from : PlanStatus.values()) {
            assertThat(from.mayMoveTo(PUBLISHED)).as(from + " -> PUBLISHED").isEqualTo(from == DRAFT);
            assertThat(from.mayMoveTo(SUPERSEDED)).as(from + " -> SUPERSEDED").isEqualTo(from == PUBLISHED);
        }
    }

    @Test
    void endedRunsMoveNoMore() {
        for (PlanStatus ended : EnumSet.of(SUPERSEDED, FAILED, CANCELLED)) {
            assertThat(ended.next()).as(ended.name()).isEmpty();
        }
    }

    @Test
    void nothingMovesBackToQueuedButAnUnstartedClaim() {
        for (PlanStatus from : PlanStatus.values()) {
            assertThat(from.mayMoveTo(QUEUED)).as(from + " -> QUEUED").isEqualTo(from == SOLVING);
        }
    }
}
