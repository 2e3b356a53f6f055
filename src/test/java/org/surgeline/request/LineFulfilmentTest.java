package org.surgeline.request;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.MovableClock;

/**
 * Requests with team, bed or lab lines can finish: a line is fulfilled once its days have passed
 * with the plan's coverage in force, or when the county's officer confirms what it got.
 */
@QuarkusTest
class LineFulfilmentTest {

    private static final String COUNTY = "141021";

    @Inject
    MovableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private long approved(Map<String, Object> line) {
        long id = as(officerOf(COUNTY)).body(Map.of("priority", "CRITICAL", "neededBy",
                LocalDate.now(clock).plusDays(2).toString(), "lines", List.of(line)))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static void solveAndPublish() {
        long plan = as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", 2)).post("/api/plans").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> !List.of("QUEUED",
                "SOLVING").contains(as(DemoUsers.SCHEDULER).get("/api/plans/" + plan + "/status").jsonPath()
                .getString("status")));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + plan + "/publish").then().statusCode(200);
    }

    @Test
    void aTeamLineIsFulfilledOnceItsDaysHaveBeenServed() throws Exception {
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        long request = approved(Map.of("kind", "TEAM", "skill", "SITE_MANAGEMENT", "quantity", 1,
                "fromDate", tomorrow, "days", 2));
        solveAndPublish();
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then()
                .body("status", equalTo("PLANNED")).body("lines[0].quantityPlanned", equalTo(1));
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/close").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/lines-in-progress"));

        clock.moveAhead(Duration.ofDays(3));
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/close").then().statusCode(200)
                .body("status", equalTo("FULFILLED"))
                .body("lines[0].quantityDelivered", equalTo(1));
    }

    @Test
    void theOfficerConfirmsWhatABedLineGot() {
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        long request = approved(Map.of("kind", "ISOLATION_BEDS", "quantity", 40, "fromDate", tomorrow, "days", 10));
        String confirm = "/api/allocation-requests/" + request + "/lines/1/confirm";
        as(officerOf("141022")).body(Map.of("quantity", 30)).post(confirm).then().statusCode(404);
        as(officerOf(COUNTY)).body(Map.of("quantity", 41)).post(confirm).then().statusCode(400);
        as(officerOf(COUNTY)).body(Map.of("quantity", 30)).post(confirm).then().statusCode(200)
                .body("lines[0].quantityDelivered", equalTo(30));
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/close").then().statusCode(200)
                .body("status", equalTo("PARTIALLY_FULFILLED"));
        as(officerOf(COUNTY)).body(Map.of("quantity", 40)).post(confirm).then().statusCode(409);
    }
}
