package org.surgeline.planning;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.planning.PlanFixtures.TOMORROW;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** The demo city end to end: requests, approval, a plan, its explanation, publication. */
@QuarkusTest
class PlanResourceTest {

    private static long reserved(String depot, String item) {
        return as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .getLong("find { it.item == '" + item + "' }.reserved");
    }

    @Test
    void requestsAreApprovedPlannedAndPublished() throws Exception {
        long kits = approvedRequest("141024", "CRITICAL", List.of(
                Map.of("kind", "SUPPLY", "item", "KIT-PCR", "quantity", 9_600),
                Map.of("kind", "TEAM", "skill", "SAMPLING", "quantity", 2, "fromDate", TOMORROW, "days", 3)));
        long masks = approvedRequest("141026", "ROUTINE", List.of(
                Map.of("kind", "SUPPLY", "item", "MASK-SURG", "quantity", 4_000)));

        long plan = as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", 5, "horizonDays", 7))
                .post("/api/plans").then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/plans/"))
                .extract().jsonPath().getLong("id");
        JsonPath draft = solved(plan);
        assertEquals("DRAFT", draft.getString("run.status"), draft.prettify());
        assertTrue(draft.getString("run.score").startsWith("0hard"), draft.getString("run.score"));

        List<Map<String, Object>> shipments = draft.getList("shipments.findAll { it.requestId == " + kits + " }");
        assertEquals(9_600L, shipments.stream().mapToLong(s -> ((Number) s.get("quantity")).longValue()).sum());
        assertEquals(6, draft.getList("teamShifts.findAll { it.requestId == " + kits + " }").size());

        // Publishing reserves what the draft ships and releases what the plan in force (if any) had
        // reserved and not yet dispatched: the draft plans that again.
        Map<String, Long> expectedReserve = new HashMap<>();
        draft.<Map<String, Object>>getList("shipments").forEach(s -> expectedReserve.merge(
                s.get("fromDepotCode") + "/" + s.get("itemCode"), ((Number) s.get("quantity")).longValue(), Long::sum));
        Object base = draft.get("run.basePlanId");
        if (base != null) {
            as(DemoUsers.ADMIN).queryParam("state", "PLANNED").queryParam("size", 500).get("/api/shipments")
                    .jsonPath().<Map<String, Object>>getList("items.findAll { it.planId == " + base + " }")
                    .forEach(s -> expectedReserve.merge(s.get("fromDepot") + "/" + s.get("item"),
                            -((Number) s.get("quantity")).longValue(), Long::sum));
        }
        Map<String, Long> before = new HashMap<>();
        expectedReserve.keySet().forEach(k -> before.put(k, reserved(k.split("/")[0], k.split("/")[1])));

        as(officerOf("141024")).get("/api/plans/" + plan + "/explanation").then()
                .statusCode(200)
                .body("countyCode", everyItem(equalTo("141024")))
                .body("requestId", hasItem((int) kits));
        as(officerOf("141024")).get("/api/plans/" + plan).then().statusCode(403);

        as(DemoUsers.SCHEDULER).post("/api/plans/" + plan + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));
        expectedReserve.forEach((k, quantity) -> assertEquals(before.get(k) + quantity,
                reserved(k.split("/")[0], k.split("/")[1]), "reserved exactly as planned at " + k));
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + kits).then()
                .body("status", equalTo("PLANNED"))
                .body("lines[0].quantityPlanned", equalTo(9600))
                .body("lines[1].quantityPlanned", equalTo(2));
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + masks).then().body("status", equalTo("PLANNED"));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + plan + "/publish").then()
                .statusCode(409).body("type", equalTo("https://surgeline.org/problems/plan-not-draft"));
        String team = draft.getString("teamShifts.find { it.requestId == " + kits + " }.teamCode");
        as(DemoUsers.ADMIN).get("/api/teams/" + team).then().body("deployments.county", hasItem("141024"));
    }

    @Test
    void aDraftThatNoLongerFitsIsRefusedAndChangesNothing() throws Exception {
        long request = approvedRequest("141025", "URGENT", List.of(
                Map.of("kind", "SUPPLY", "item", "GOGGLES", "quantity", 400)));
        long plan = as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", 2)).post("/api/plans").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        JsonPath draft = solved(plan);
        assertEquals("DRAFT", draft.getString("run.status"));
        // The line is cancelled before publication: the draft is stale.
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/cancel").then().statusCode(200);
        as(DemoUsers.SCHEDULER).post("/api/plans/" + plan + "/publish").then()
                .statusCode(409).body("type", equalTo("https://surgeline.org/problems/stale-plan"));
        as(DemoUsers.SCHEDULER).get("/api/plans/" + plan + "/status").then().body("status", equalTo("DRAFT"));
    }

    @Test
    void runsAreValidatedAndOnlySchedulersPlan() {
        as(DemoUsers.SCHEDULER).body(Map.of("horizonDays", 0)).post("/api/plans").then()
                .statusCode(400).body("errors[0].field", equalTo("horizonDays"));
        as(DemoUsers.WAREHOUSE).body(Map.of()).post("/api/plans").then().statusCode(403);
        as(officerOf("141002")).body(Map.of()).post("/api/plans").then().statusCode(403);
        as(DemoUsers.SCHEDULER).get("/api/plans/999999").then().statusCode(404);
        as(DemoUsers.SCHEDULER).queryParam("status", "DONE").get("/api/plans").then().statusCode(400);
    }
}
