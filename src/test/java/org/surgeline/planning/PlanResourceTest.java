package org.surgeline.planning;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

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

    private static final String TOMORROW = LocalDate.now().plusDays(1).toString();

    private static long approvedRequest(String county, String priority, List<Map<String, Object>> lines) {
        long id = as(officerOf(county)).body(Map.of("priority", priority, "neededBy",
                        LocalDate.now().plusDays(5).toString(), "lines", lines))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static JsonPath solved(long planId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            String status = as(DemoUsers.SCHEDULER).get("/api/plans/" + planId + "/status").jsonPath().getString("status");
            if (!status.equals("QUEUED") && !status.equals("SOLVING")) {
                return as(DemoUsers.SCHEDULER).get("/api/plans/" + planId).jsonPath();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("plan " + planId + " did not finish");
    }

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

        Map<String, Long> expectedReserve = new HashMap<>();
        draft.<Map<String, Object>>getList("shipments").forEach(s -> expectedReserve.merge(
                s.get("fromDepotCode") + "/" + s.get("itemCode"), ((Number) s.get("quantity")).longValue(), Long::sum));
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
