package org.surgeline.planning;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.planning.PlanFixtures.TOMORROW;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;

/**
 * What a scheduler reviews before publishing: the diff against the plan in force, and discarding a
 * draft. (The best score while a run solves: {@link SolvingRunStopTest}.)
 */
@QuarkusTest
class PlanReviewTest {

    @Test
    void theDiffNamesWhatPublishingAddsRemovesAndChanges() {
        long request = approvedRequest("141023", "CRITICAL", List.of(
                Map.of("kind", "SUPPLY", "item", "SUIT-PROT", "quantity", 300),
                Map.of("kind", "TEAM", "skill", "SAMPLING", "quantity", 1, "fromDate", TOMORROW, "days", 2)));
        long published = PlanFixtures.queued(3);
        assertEquals("DRAFT", solved(published).getString("run.status"));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + published + "/publish").then().statusCode(200);
        PlanResult inForce = QuarkusTransaction.requiringNew().call(
                () -> PlanRun.<PlanRun>findById(published).result);
        PlanResult.PlannedShift shift = inForce.teamShifts().stream()
                .filter(s -> s.requestId() == request && !s.date().isBefore(ServiceClock.today()))
                .findFirst().orElseThrow();
        PlanResult.PlannedShipment shipment = inForce.shipments().stream().filter(s -> s.requestId() == request)
                .findFirst().orElseThrow();

        // A draft like the plan in force, but: one team-day to another team, one team-day dropped,
        // one shipment's quantity changed, and a shipment for a line the plan in force does not serve.
        List<PlanResult.PlannedShift> shifts = new ArrayList<>(inForce.teamShifts());
        PlanResult.PlannedShift dropped = shifts.stream().filter(s -> s.requestId() == request && s != shift)
                .findFirst().orElseThrow();
        shifts.remove(dropped);
        shifts.set(shifts.indexOf(shift), new PlanResult.PlannedShift("OTHER-TEAM", shift.skill(), shift.countyCode(),
                shift.date(), shift.requestId(), shift.lineId(), shift.lineNo()));
        List<PlanResult.PlannedShipment> shipments = new ArrayList<>(inForce.shipments());
        shipments.set(shipments.indexOf(shipment), new PlanResult.PlannedShipment(shipment.requestId(),
                shipment.lineId(), shipment.lineNo(), shipment.itemCode(), shipment.fromDepotCode(),
                shipment.toCountyCode(), shipment.quantity() + 10, shipment.parcels() + 1));
        shipments.add(new PlanResult.PlannedShipment(999_999, 999_998, 1, "MASK-N95", "CITY-1", "141002", 50, 1));
        long draft = draftOf(new PlanResult(shipments, shifts, inForce.bedPlacements(), inForce.sampleRoutes(),
                List.of(), List.of(), inForce.ownBeds()));

        JsonPath diff = as(DemoUsers.SCHEDULER).get("/api/plans/" + draft + "/diff").then().statusCode(200)
                .body("planId", equalTo((int) draft)).body("inForceId", equalTo((int) published))
                .extract().jsonPath();
        Map<String, Object> supply = diff.getMap("kinds.find { it.kind == 'SUPPLY' }");
        assertEquals(List.of(1, 0, 1), List.of(supply.get("added"), supply.get("removed"), supply.get("changed")),
                diff.prettify());
        assertEquals(List.of(Map.of("code", shipment.fromDepotCode(), "quantity", (int) shipment.quantity() + 10)),
                diff.getList("kinds.find { it.kind == 'SUPPLY' }.changes.find { it.type == 'CHANGED' }.to"));
        Map<String, Object> teams = diff.getMap("kinds.find { it.kind == 'TEAM' }");
        assertEquals(List.of(0, 1, 1), List.of(teams.get("added"), teams.get("removed"), teams.get("changed")),
                diff.prettify());
        String changed = "kinds.find { it.kind == 'TEAM' }.changes.find { it.type == 'CHANGED' }";
        assertEquals(shift.date().toString(), diff.getString(changed + ".date"));
        assertEquals(List.of(shift.teamCode()), diff.getList(changed + ".from.code"));
        assertEquals(List.of("OTHER-TEAM"), diff.getList(changed + ".to.code"));
        assertEquals(dropped.teamCode(), diff.getString(
                "kinds.find { it.kind == 'TEAM' }.changes.find { it.type == 'REMOVED' }.from[0].code"));
        assertEquals(List.of(0, 0, 0), List.of(diff.getInt("kinds.find { it.kind == 'ISOLATION_BEDS' }.added"),
                diff.getInt("kinds.find { it.kind == 'ISOLATION_BEDS' }.removed"),
                diff.getInt("kinds.find { it.kind == 'ISOLATION_BEDS' }.changed")));

        // The plan in force against itself, and any plan when nothing is in force: nothing to show.
        as(DemoUsers.SCHEDULER).get("/api/plans/" + published + "/diff").then().statusCode(200)
                .body("inForceId", nullValue()).body("kinds.changes.flatten()", org.hamcrest.Matchers.empty());
        setStatus(published, PlanStatus.SUPERSEDED);
        try {
            as(DemoUsers.SCHEDULER).get("/api/plans/" + draft + "/diff").then().statusCode(200)
                    .body("inForceId", nullValue()).body("kinds.size()", equalTo(4))
                    .body("kinds.changes.flatten()", org.hamcrest.Matchers.empty());
        } finally {
            setStatus(published, PlanStatus.PUBLISHED);
        }
        as(officerOf("141023")).get("/api/plans/" + draft + "/diff").then().statusCode(403);
        as(DemoUsers.SCHEDULER).get("/api/plans/987654/diff").then().statusCode(404);
    }

    @Test
    void aRunWithoutAPlanHasNoDiffAndOnlyADraftIsDiscarded() {
        long failed = QuarkusTransaction.requiringNew().call(() -> run(PlanStatus.FAILED, null).id);
        as(DemoUsers.SCHEDULER).get("/api/plans/" + failed + "/diff").then().statusCode(409)
                .contentType("application/problem+json").body("current", equalTo("FAILED"));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + failed + "/discard").then().statusCode(409)
                .body("current", equalTo("FAILED"));

        long draft = draftOf(new PlanResult(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        as(officerOf("141023")).post("/api/plans/" + draft + "/discard").then().statusCode(403);
        as(DemoUsers.WAREHOUSE).post("/api/plans/" + draft + "/discard").then().statusCode(403);
        as(DemoUsers.SCHEDULER).post("/api/plans/" + draft + "/discard").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("discardedBy", equalTo(DemoUsers.SCHEDULER))
                .body("discardedAt", notNullValue());
        as(DemoUsers.SCHEDULER).post("/api/plans/" + draft + "/publish").then().statusCode(409)
                .body("current", equalTo("CANCELLED"));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + draft + "/discard").then().statusCode(409);
    }

    /** A draft with this plan, solved from the plan in force (as a solve would have been). */
    private static long draftOf(PlanResult result) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanRun run = run(PlanStatus.DRAFT, result);
            run.basePlanId = PlanRun.<PlanRun>find("status", PlanStatus.PUBLISHED).firstResultOptional()
                    .map(p -> p.id).orElse(null);
            return run.id;
        });
    }

    private static PlanRun run(PlanStatus status, PlanResult result) {
        PlanRun run = PlanRows.manual(status);
        run.score = result == null ? null : "0hard/0medium/0soft";
        run.result = result;
        run.persist();
        assertNotNull(run.id);
        return run;
    }

    private static void setStatus(long id, PlanStatus status) {
        QuarkusTransaction.requiringNew().run(() -> PlanRun.update("status = ?1 where id = ?2", status, id));
    }
}
