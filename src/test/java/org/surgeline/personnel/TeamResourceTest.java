package org.surgeline.personnel;

import org.surgeline.ServiceClock;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

@QuarkusTest
class TeamResourceTest {

    @Test
    void theDemoRosterHasTensOfTeamsPerSkill() {
        for (Skill skill : Skill.values()) {
            as(officerOf("141002")).queryParam("skill", skill.name()).get("/api/teams").then()
                    .statusCode(200)
                    .body("total", greaterThanOrEqualTo(10))
                    .body("items.skill", everyItem(equalTo(skill.name())));
        }
        as(DemoUsers.ADMIN).queryParam("skill", "JUGGLING").get("/api/teams").then()
                .statusCode(400).body("errors[0].field", equalTo("skill"));
    }

    @Test
    void adminsRegisterTeamsAndSchedulersSetDaysOff() {
        String code = TestNames.unique("T-TEAM");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Test sampling team", "skill", "SAMPLING",
                "headcount", 12, "homeCounty", "141033")).post("/api/teams").then()
                .statusCode(201)
                .body("homeCounty", equalTo("141033"))
                .body("deployments", hasSize(0));
        as(DemoUsers.SCHEDULER).body(Map.of("code", code + "X", "name", "x", "skill", "SAMPLING", "headcount", 1,
                "homeCounty", "141033")).post("/api/teams").then().statusCode(403);
        as(DemoUsers.ADMIN).body(Map.of("code", code + "Y", "name", "x", "skill", "SAMPLING", "headcount", 0,
                "homeCounty", "141033")).post("/api/teams").then()
                .statusCode(400).body("errors[0].field", equalTo("headcount"));

        String day = ServiceClock.today().plusDays(2).toString();
        as(DemoUsers.SCHEDULER).body(Map.of("dates", List.of(day))).put("/api/teams/" + code + "/unavailability")
                .then().statusCode(200).body("unavailable", equalTo(List.of(day)));
        as(DemoUsers.SCHEDULER).body(Map.of("dates", List.of())).put("/api/teams/" + code + "/unavailability")
                .then().statusCode(200).body("unavailable", hasSize(0));
        as(officerOf("141033")).body(Map.of("dates", List.of(day))).put("/api/teams/" + code + "/unavailability")
                .then().statusCode(403);
        as(DemoUsers.ADMIN).body(Map.of("dates", List.of("someday"))).put("/api/teams/" + code + "/unavailability")
                .then().statusCode(400);
        as(DemoUsers.ADMIN).get("/api/teams/NO-SUCH-TEAM").then().statusCode(404);
    }
}
