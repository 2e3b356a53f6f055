package org.surgeline.planning;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.planning.PlanFixtures.TOMORROW;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.surgeline.ServiceClock;
import org.surgeline.DemoUsers;

/**
 * No work is kept or booked for a cancelled request: cancelling releases its team deployments,
 * a draft solved before the cancel is refused, and a request a new plan no longer covers is
 * APPROVED again.
 */
@QuarkusTest
class CancelledWorkTest {

    private static final String COUNTY = "141033";

    @Inject
    DataSource dataSource;

    private static Map<String, Object> teams(int quantity, String from, int days) {
        return Map.of("kind", "TEAM", "skill", "DISINFECTION", "quantity", quantity, "fromDate", from, "days", days);
    }

    private static long plan(Map<String, Object> body) throws InterruptedException {
        long id = as(DemoUsers.SCHEDULER).body(body).post("/api/plans").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        JsonPath draft = solved(id);
        assertEquals("DRAFT", draft.getString("run.status"), draft.prettify());
        return id;
    }

    /** Deployments a plan booked for a request that are not over yet. */
    private long liveDeployments(long planId, long requestId) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement(
                "select count(*) from team_deployment where reference = ? and request_id = ? and to_date >= ?")) {
            q.setString(1, "plan:" + planId);
            q.setLong(2, requestId);
            q.setObject(3, ServiceClock.today());
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void cancellingReleasesTheTeamsAndAStaleDraftIsRefused() throws Exception {
        long early = approvedRequest(COUNTY, "CRITICAL", List.of(teams(3, TOMORROW, 2)));
        long draft = plan(Map.of("timeLimitSeconds", 2));
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + early + "/cancel").then().statusCode(200);
        as(DemoUsers.SCHEDULER).post("/api/plans/" + draft + "/publish").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/stale-plan"));
        assertEquals(0, liveDeployments(draft, early), "nothing booked for a cancelled request");

        long request = approvedRequest(COUNTY, "CRITICAL", List.of(teams(2, TOMORROW, 2)));
        long published = plan(Map.of("timeLimitSeconds", 2));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + published + "/publish").then().statusCode(200);
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then().body("status", equalTo("PLANNED"));
        assertTrue(liveDeployments(published, request) > 0, "the plan booked teams for the request");

        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/cancel").then().statusCode(200)
                .body("lines[0].quantityPlanned", equalTo(0));
        assertEquals(0, liveDeployments(published, request), "cancelling released the request's deployments");
    }

    @Test
    void aRequestANewPlanNoLongerCoversIsApprovedAgain() throws Exception {
        long request = approvedRequest(COUNTY, "CRITICAL", List.of(teams(1, TOMORROW, 1)));
        long first = plan(Map.of("timeLimitSeconds", 2));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + first + "/publish").then().statusCode(200);
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then().body("status", equalTo("PLANNED"));
        // A plan for the days after the line's takes its coverage back and places nothing of it.
        long later = plan(Map.of("timeLimitSeconds", 2, "planDate", ServiceClock.today().plusDays(3).toString()));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + later + "/publish").then().statusCode(200);
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then()
                .body("status", equalTo("APPROVED"))
                .body("lines[0].quantityPlanned", equalTo(0));
    }

    @Test
    void aDayOffCannotBeSetOnADayTheTeamIsDeployed() throws Exception {
        long request = approvedRequest(COUNTY, "CRITICAL", List.of(teams(1, TOMORROW, 1)));
        long published = plan(Map.of("timeLimitSeconds", 2));
        JsonPath plan = as(DemoUsers.SCHEDULER).get("/api/plans/" + published).jsonPath();
        as(DemoUsers.SCHEDULER).post("/api/plans/" + published + "/publish").then().statusCode(200);
        String team = plan.getString("teamShifts.find { it.requestId == " + request + " }.teamCode");
        as(DemoUsers.SCHEDULER).body(Map.of("dates", List.of(TOMORROW))).put("/api/teams/" + team + "/unavailability")
                .then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/team-deployed"))
                .body("detail", org.hamcrest.Matchers.containsString(COUNTY));
        as(DemoUsers.ADMIN).get("/api/teams/" + team).then().body("unavailable", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(TOMORROW)));
    }

    @Test
    void aShipmentCancelledByHandReopensItsRequest() {
        long request = approvedRequest(COUNTY, "URGENT", List.of(Map.of("kind", "SUPPLY", "item", "GOGGLES",
                "quantity", 200)));
        long shipment = as(DemoUsers.WAREHOUSE).body(Map.of("requestId", request, "lineNo", 1, "fromDepot",
                "LF-RESERVE", "quantity", 200)).post("/api/shipments").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/cancel").then().statusCode(200);
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then().body("status", equalTo("APPROVED"));
    }
}
