package org.surgeline.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;
import org.surgeline.TestNames;

/** Labs edited with If-Match and retired, never deleted (issue 14). */
@QuarkusTest
class LabRetirementTest {

    @Inject
    LabService labs;

    private static String newLab() {
        String code = TestNames.unique("T-RLAB");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Test lab", "county", "141027", "tubesPerDay", 100,
                "poolingRatio", 10)).post("/api/labs").then().statusCode(201);
        return code;
    }

    private static boolean offered(LabService labs, String lab) {
        return labs.spareSamplesForecast(ServiceClock.today(), 3).stream().anyMatch(s -> s.lab().equals(lab));
    }

    @Test
    void aLabIsEditedWithTheCurrentETagOnly() {
        String lab = newLab();
        String tag = as(DemoUsers.ADMIN).get("/api/labs/" + lab).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        as(DemoUsers.ADMIN).header("If-Match", tag).body(Map.of("name", "Renamed lab", "county", "141002"))
                .put("/api/labs/" + lab).then()
                .statusCode(200)
                .body("name", equalTo("Renamed lab"))
                .body("county", equalTo("141002"))
                .body("tubesPerDay", equalTo(100));
        as(DemoUsers.ADMIN).header("If-Match", tag).body(Map.of("name", "Stale", "county", "141002"))
                .put("/api/labs/" + lab).then().statusCode(412).contentType("application/problem+json");
        as(DemoUsers.ADMIN).body(Map.of("name", "No tag", "county", "141002")).put("/api/labs/" + lab).then()
                .statusCode(428);
        as(DemoUsers.ADMIN).header("If-Match", "*").body(Map.of("name", "")).put("/api/labs/" + lab).then()
                .statusCode(400);
    }

    @Test
    void aLabWithABacklogIsNotRetiredAndARetiredOneLeavesThePlanner() {
        String lab = newLab();
        as(DemoUsers.ADMIN).body(Map.of("samplesReceived", 500, "samplesTested", 200, "meanTurnaroundHours", 12))
                .put("/api/labs/" + lab + "/days/" + ServiceClock.today()).then().statusCode(200);
        as(DemoUsers.ADMIN).delete("/api/labs/" + lab).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("heldBy", equalTo("a backlog of 300 samples"));
        as(DemoUsers.ADMIN).body(Map.of("samplesReceived", 500, "samplesTested", 500, "meanTurnaroundHours", 12))
                .put("/api/labs/" + lab + "/days/" + ServiceClock.today()).then().statusCode(200);
        assertTrue(offered(labs, lab));

        as(DemoUsers.ADMIN).delete("/api/labs/" + lab).then().statusCode(200).body("retiredAt", notNullValue());
        assertFalse(offered(labs, lab), "a retired lab's capacity is not offered to the planner");
        as(DemoUsers.ADMIN).queryParam("size", 500).get("/api/labs").then().body("items.code", not(hasItem(lab)));
        as(DemoUsers.ADMIN).queryParam("size", 500).queryParam("includeRetired", true).get("/api/labs").then()
                .body("items.code", hasItem(lab));
        as(DemoUsers.ADMIN).get("/api/labs/" + lab).then().statusCode(200).body("capacityHistory.size()", equalTo(1));
    }
}
