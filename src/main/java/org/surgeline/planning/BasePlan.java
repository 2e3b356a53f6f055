package org.surgeline.planning;

import java.util.List;
import java.util.Map;
import org.surgeline.request.Shipment;

/**
 * The published plan a new run starts from, and what of it is still open to change: shipments
 * not yet dispatched, team days from the plan date on, and the coverage it recorded on team, bed
 * and lab lines. A new plan that is published takes these back and replaces them.
 */
record BasePlan(long id, PlanResult result, Map<Long, Long> coverageByLine, List<Shipment> plannedShipments) {

    String deploymentReference() {
        return PlanPublisher.deploymentReference(id);
    }
}
