package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** A draft is published without a person only when it beats keeping the plan in force. */
class AutoPublishTest {

    private static HardMediumSoftLongScore score(long hard, long medium) {
        return HardMediumSoftLongScore.of(hard, medium, -500);
    }

    @Test
    void onlyAFeasibleDraftThatBeatsThePlanInForceIsPublished() {
        assertThat(PlanSolver.improves(score(0, -90), null)).as("nothing in force").isTrue();
        assertThat(PlanSolver.improves(score(-1, 0), null)).as("infeasible").isFalse();
        assertThat(PlanSolver.improves(score(0, -90), score(0, -100))).as("more demand met").isTrue();
        assertThat(PlanSolver.improves(score(0, -100), score(0, -100))).as("only as good").isFalse();
        assertThat(PlanSolver.improves(score(0, -110), score(0, -100))).as("worse").isFalse();
        assertThat(PlanSolver.improves(score(0, -200), score(-3, 0))).as("repairs the plan in force").isTrue();
    }
}
