package org.surgeline.console;

import io.quarkus.qute.TemplateData;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A plan's score as a scheduler reads it: {@code unassigned} entities still to place while the first
 * plan is being built, {@code brokenRules} (hard: a plan with any is not carried out),
 * {@code unmetDemand} (medium: unmet demand weighted by priority, plus changes to the plan in force
 * when rebalancing) and {@code cost} (soft: travel and spread). Lower is better for all three.
 */
@TemplateData
public record PlanScore(int unassigned, long brokenRules, long unmetDemand, long cost) {

    /** The score of a run, or null when it has none yet (or it cannot be read). */
    static PlanScore of(String score) {
        if (score == null || score.isBlank()) {
            return null;
        }
        try {
            HardMediumSoftLongScore s = HardMediumSoftLongScore.parseScore(score);
            return new PlanScore(-s.initScore(), -s.hardScore(), -s.mediumScore(), -s.softScore());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    public boolean building() {
        return unassigned > 0;
    }
}
