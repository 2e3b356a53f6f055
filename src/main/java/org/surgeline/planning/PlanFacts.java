package org.surgeline.planning;

import java.util.List;
import org.surgeline.request.LineKind;

/**
 * What a plan knows besides its planning entities: every approved line it explains, the beds
 * counties house themselves, and what the plan in force had beyond this plan's horizon, which
 * this plan keeps as it was.
 */
record PlanFacts(List<Line> lines, List<PlanResult.OwnBeds> ownBeds, List<PlanResult.PlannedShift> keptShifts,
        List<PlanResult.BedPlacement> keptBeds, List<PlanResult.SampleRoute> keptSamples) {

    static final PlanFacts NONE = new PlanFacts(List.of(), List.of(), List.of(), List.of(), List.of());

    /**
     * One approved line, in its units (supplies; team-days; bed-days; samples): what was asked,
     * what was settled before this plan (dispatched, or days before its plan date), what the
     * county's own free beds cover, and what lies beyond its horizon (and of that, what the plan
     * in force had placed and this plan keeps). {@code what} names the item or skill.
     */
    record Line(long requestId, long lineId, int lineNo, String county, LineKind kind, int weight, boolean routine,
            String what, long asked, long earlier, long ownCapacity, long beyondHorizon, long keptBeyondHorizon) {

        String unit() {
            return switch (kind) {
                case SUPPLY -> what;
                case TEAM -> what + " team-days";
                case ISOLATION_BEDS -> "bed-days";
                case LAB_THROUGHPUT -> "samples";
            };
        }
    }
}
