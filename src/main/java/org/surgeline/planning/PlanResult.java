package org.surgeline.planning;

import java.time.LocalDate;
import java.util.List;
import org.surgeline.personnel.Skill;
import org.surgeline.request.LineKind;

/** A solved plan, grouped for reading and for publishing. Stored as JSON on its run. */
public record PlanResult(List<PlannedShipment> shipments, List<PlannedShift> teamShifts,
        List<BedPlacement> bedPlacements, List<SampleRoute> sampleRoutes, List<Unmet> unmet,
        List<LineExplanation> explanation) {

    public record PlannedShipment(long requestId, long lineId, int lineNo, String itemCode, String fromDepotCode,
            String toCountyCode, long quantity, int parcels) {
    }

    public record PlannedShift(String teamCode, Skill skill, String countyCode, LocalDate date, long requestId,
            long lineId, int lineNo) {
    }

    public record BedPlacement(String siteCode, String siteCounty, String countyCode, LocalDate date, long beds,
            long requestId, long lineId, int lineNo) {
    }

    public record SampleRoute(String labCode, String labCounty, String countyCode, LocalDate date, long samples,
            long requestId, long lineId, int lineNo) {
    }

    public record Unmet(long requestId, long lineId, int lineNo, String countyCode, LineKind kind, String what,
            long quantity) {
    }

    /** Per request line: what the plan meets, what it does not, and why, in sentences. */
    public record LineExplanation(long requestId, int lineNo, String countyCode, LineKind kind, long asked, long met,
            long unmet, List<String> reasons) {
    }
}
