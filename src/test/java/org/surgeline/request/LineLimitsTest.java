package org.surgeline.request;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A line asks for what could exist: teams up to the roster of the skill, beds and samples up to the caps. */
@QuarkusTest
class LineLimitsTest {

    @Inject
    Clock clock;

    private Map<String, Object> request(Map<String, Object> line) {
        return Map.of("priority", "URGENT", "neededBy", LocalDate.now(clock).plusDays(3).toString(),
                "lines", List.of(line));
    }

    private Map<String, Object> line(String kind, long quantity) {
        String from = LocalDate.now(clock).plusDays(1).toString();
        return kind.equals("TEAM")
                ? Map.of("kind", kind, "skill", "MEDICAL", "quantity", quantity, "fromDate", from, "days", 1)
                : Map.of("kind", kind, "quantity", quantity, "fromDate", from, "days", 1);
    }

    @Test
    void teamsAreCappedByTheRosterOfTheirSkill() {
        // The demo roster has 20 teams of each skill.
        as(officerOf("141023")).body(request(line("TEAM", 3_000_000))).post("/api/allocation-requests").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", containsString("at most 20 teams"));
        as(officerOf("141023")).body(request(line("TEAM", 21))).post("/api/allocation-requests").then().statusCode(400);
        as(officerOf("141023")).body(request(line("TEAM", 20))).post("/api/allocation-requests").then().statusCode(201);
    }

    @Test
    void bedsAndSamplesAreCappedByConfiguration() {
        as(officerOf("141023")).body(request(line("ISOLATION_BEDS", 20_001))).post("/api/allocation-requests").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", containsString("at most 20000 beds"));
        as(officerOf("141023")).body(request(line("LAB_THROUGHPUT", 1_000_000_000_000L))).post("/api/allocation-requests")
                .then().statusCode(400)
                .body("errors[0].message", containsString("at most 5000000 samples a day"));
        as(officerOf("141023")).body(request(line("ISOLATION_BEDS", 20_000))).post("/api/allocation-requests").then()
                .statusCode(201);
    }
}
