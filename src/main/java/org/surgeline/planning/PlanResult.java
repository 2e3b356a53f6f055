package org.surgeline.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.surgeline.personnel.Skill;
import org.surgeline.request.LineKind;

/**
 * A solved plan, grouped for reading and for publishing. Stored as JSON on its run. Team shifts,
 * bed placements, own beds and sample routes include those the plan in force had beyond this
 * plan's horizon: a plan keeps what lies outside its horizon as it was.
 */
public record PlanResult(List<PlannedShipment> shipments, List<PlannedShift> teamShifts,
        List<BedPlacement> bedPlacements, List<SampleRoute> sampleRoutes, List<Unmet> unmet,
        List<LineExplanation> explanation, List<OwnBeds> ownBeds) {

    public PlanResult {
        // Results stored before own beds were recorded read back without them.
        ownBeds = ownBeds == null ? List.of() : ownBeds;
    }

    public record PlannedShipment(long requestId, long lineId, int lineNo, String itemCode, String fromDepotCode,
            String toCountyCode, long quantity, int parcels) {
    }

    public record PlannedShift(String teamCode, Skill skill, String countyCode, LocalDate date, long requestId,
            long lineId, int lineNo) {
    }

    public record BedPlacement(String siteCode, String siteCounty, String countyCode, LocalDate date, long beds,
            long requestId, long lineId, int lineNo) {
    }

    /** Beds of a county's own site that house the county's own demand on a day (not a solver decision). */
    public record OwnBeds(String siteCode, String countyCode, LocalDate date, long beds, long requestId, long lineId,
            int lineNo) {
    }

    public record SampleRoute(String labCode, String labCounty, String countyCode, LocalDate date, long samples,
            long requestId, long lineId, int lineNo) {
    }

    public record Unmet(long requestId, long lineId, int lineNo, String countyCode, LineKind kind, String what,
            long quantity) {
    }

    /**
     * Per request line, in the line's units (supplies; team-days; bed-days; samples): what the
     * officer asked, and where all of it stands: {@code earlier} (dispatched before this plan, or
     * days before its plan date), {@code ownCapacity} (the county's own free beds), {@code met}
     * and {@code unmet} by this plan, {@code beyondHorizon} (days after its horizon). They add up
     * to {@code asked}. {@code reasons} is the full text for schedulers; {@code countyReasons}
     * says the same in the officer's terms, without other counties' depots and figures.
     */
    public record LineExplanation(long requestId, int lineNo, String countyCode, LineKind kind, String unit,
            long asked, long earlier, long ownCapacity, long met, long unmet, long beyondHorizon, List<String> reasons,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> countyReasons) {

        /**
         * The line as its county's officer reads it (a plan stored before officers' text existed
         * gives its figures without sentences: its full text names other counties' depots).
         */
        LineExplanation forCounty() {
            return new LineExplanation(requestId, lineNo, countyCode, kind, unit, asked, earlier, ownCapacity, met,
                    unmet, beyondHorizon, countyReasons == null ? List.of() : countyReasons, null);
        }
    }
}
