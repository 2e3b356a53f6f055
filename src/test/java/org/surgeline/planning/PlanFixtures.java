package org.surgeline.planning;

import org.surgeline.ServiceClock;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.surgeline.DemoUsers;

/** Requests to plan, and waiting for plans to be solved. */
final class PlanFixtures {

    static final String TOMORROW = ServiceClock.today().plusDays(1).toString();

    private PlanFixtures() {
    }

    static long approvedRequest(String county, String priority, List<Map<String, Object>> lines) {
        long id = as(officerOf(county)).body(Map.of("priority", priority, "neededBy",
                        ServiceClock.today().plusDays(5).toString(), "lines", lines))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then().statusCode(200);
        return id;
    }

    static long queued(int timeLimitSeconds) {
        return as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", timeLimitSeconds))
                .post("/api/plans").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    /** The plan once it is no longer queued or solving. */
    static JsonPath solved(long planId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            String status = as(DemoUsers.SCHEDULER).get("/api/plans/" + planId + "/status").jsonPath().getString("status");
            if (!status.equals("QUEUED") && !status.equals("SOLVING")) {
                return as(DemoUsers.SCHEDULER).get("/api/plans/" + planId).jsonPath();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("plan " + planId + " did not finish");
    }
}
