package org.surgeline.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.surgeline.isolation.IsolationService;
import org.surgeline.personnel.TeamService;
import org.surgeline.platform.Hashes;
import org.surgeline.region.TravelTimeService;
import org.surgeline.request.RequestService;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.LedgerService;
import org.surgeline.testing.LabService;

/**
 * The state a run starts from, named by a hash: the plan date, the plan in force, and how far each
 * input of the snapshot has changed. A run started from the same state as an earlier one solves
 * the same problem again, so a rebalancing slot that would do so is skipped.
 */
@ApplicationScoped
public class PlanningState {

    @Inject
    LedgerService ledger;
    @Inject
    CatalogService catalog;
    @Inject
    RequestService requests;
    @Inject
    IsolationService isolation;
    @Inject
    LabService labs;
    @Inject
    TeamService teams;
    @Inject
    TravelTimeService travelTimes;
    @Inject
    PlanRuns runs;

    @Transactional
    public String of(LocalDate planDate) {
        String inForce = runs.inForce().map(run -> String.valueOf(run.id)).orElse("none");
        return Hashes.sha256(String.join("|", planDate.toString(), inForce, ledger.changeMark(), catalog.changeMark(),
                requests.changeMark(), isolation.changeMark(), labs.changeMark(), teams.changeMark(),
                travelTimes.changeMark()));
    }
}
