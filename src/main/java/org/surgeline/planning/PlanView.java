package org.surgeline.planning;

import java.util.List;
import java.util.Optional;

/** A plan run with its assignments grouped for reading (empty until it has a plan). */
public record PlanView(PlanRunView run, List<PlanResult.PlannedShipment> shipments,
        List<PlanResult.PlannedShift> teamShifts, List<PlanResult.BedPlacement> bedPlacements,
        List<PlanResult.SampleRoute> sampleRoutes, List<PlanResult.Unmet> unmet, List<PlanResult.OwnBeds> ownBeds) {

    static PlanView of(PlanRunView run, Optional<PlanResult> result) {
        return result.map(r -> new PlanView(run, r.shipments(), r.teamShifts(), r.bedPlacements(),
                        r.sampleRoutes(), r.unmet(), r.ownBeds()))
                .orElseGet(() -> new PlanView(run, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    }
}
