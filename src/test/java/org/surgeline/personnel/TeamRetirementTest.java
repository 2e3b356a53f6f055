package org.surgeline.personnel;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.surgeline.DemoUsers.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;
import org.surgeline.TestNames;

/** Teams edited with If-Match and retired, never deleted (issue 14). */
@QuarkusTest
class TeamRetirementTest {

    @Inject
    TeamService teams;

    private static String newTeam() {
        String code = TestNames.unique("T-RTEAM");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Test team", "skill", "SAMPLING", "headcount", 10,
                "homeCounty", "141033")).post("/api/teams").then().statusCode(201);
        return code;
    }

    private static Map<String, Object> change(int headcount) {
        return Map.of("name", "Renamed team", "skill", "SAMPLING", "headcount", headcount, "homeCounty", "141033");
    }

    @Test
    void aTeamIsEditedWithTheCurrentETagOnly() {
        String team = newTeam();
        String tag = as(DemoUsers.ADMIN).get("/api/teams/" + team).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        as(DemoUsers.ADMIN).header("If-Match", tag).body(change(14)).put("/api/teams/" + team).then()
                .statusCode(200)
                .body("headcount", equalTo(14))
                .body("name", equalTo("Renamed team"));
        as(DemoUsers.ADMIN).header("If-Match", tag).body(change(15)).put("/api/teams/" + team).then()
                .statusCode(412).contentType("application/problem+json");
        as(DemoUsers.ADMIN).body(change(15)).put("/api/teams/" + team).then().statusCode(428);
        as(DemoUsers.ADMIN).header("If-Match", "*").body(change(0)).put("/api/teams/" + team).then().statusCode(400);
        as(DemoUsers.SCHEDULER).header("If-Match", "*").body(change(15)).put("/api/teams/" + team).then()
                .statusCode(403);
    }

    @Test
    void aBookedTeamIsNotRetiredAndARetiredOneLeavesThePlanner() {
        String team = newTeam();
        teams.deploy(team, "141002", ServiceClock.today(), ServiceClock.today().plusDays(2), "plan-" + team, null);
        as(DemoUsers.ADMIN).delete("/api/teams/" + team).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("heldBy", containsString("its deployment to county 141002"));
        teams.withdraw("plan-" + team, ServiceClock.today());

        as(DemoUsers.ADMIN).delete("/api/teams/" + team).then().statusCode(200).body("retiredAt", notNullValue());
        assertFalse(teams.teams(Optional.empty(), Optional.empty()).stream().anyMatch(t -> t.code.equals(team)),
                "the planner reads teams in service only");
        as(DemoUsers.ADMIN).queryParam("size", 500).get("/api/teams").then().body("items.code", not(hasItem(team)));
        as(DemoUsers.ADMIN).queryParam("size", 500).queryParam("includeRetired", true).get("/api/teams").then()
                .body("items.code", hasItem(team));
        as(DemoUsers.ADMIN).get("/api/teams/" + team).then().statusCode(200).body("retiredAt", notNullValue());
    }
}
