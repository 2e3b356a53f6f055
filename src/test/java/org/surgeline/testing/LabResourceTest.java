package org.surgeline.testing;

import org.surgeline.ServiceClock;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

@QuarkusTest
class LabResourceTest {

    private static final LocalDate TODAY = ServiceClock.today();

    private static String newLab(String county, int tubes, int ratio) {
        String code = TestNames.unique("T-LAB");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Test lab", "county", county, "tubesPerDay", tubes,
                "poolingRatio", ratio, "effectiveFrom", TODAY.minusDays(10).toString()))
                .post("/api/labs").then().statusCode(201);
        return code;
    }

    private static io.restassured.response.Response report(String user, String lab, LocalDate day, long received,
            long tested) {
        return as(user).body(Map.of("samplesReceived", received, "samplesTested", tested, "meanTurnaroundHours", 12))
                .put("/api/labs/" + lab + "/days/" + day);
    }

    @Test
    void capacityIsTubesTimesPoolingAndTheBacklogCarriesOver() {
        String lab = newLab("141025", 100, 10);
        report(DemoUsers.ADMIN, lab, TODAY.minusDays(2), 1_500, 1_000).then().statusCode(200)
                .body("figures.capacitySamples", equalTo(1000))
                .body("figures.backlogIn", equalTo(0))
                .body("figures.backlogOut", equalTo(500))
                .body("figures.utilization", equalTo(1.0f));
        report(officerOf("141025"), lab, TODAY.minusDays(1), 800, 1_000).then().statusCode(200)
                .body("figures.backlogIn", equalTo(500))
                .body("figures.backlogOut", equalTo(300))
                .body("figures.daysToClear", equalTo(0.3f));
        // Reporting the same day again is idempotent.
        report(DemoUsers.ADMIN, lab, TODAY.minusDays(1), 800, 1_000).then().statusCode(200)
                .body("figures.backlogOut", equalTo(300));
        as(DemoUsers.WAREHOUSE).get("/api/labs/" + lab).then()
                .body("figures.backlogIn", equalTo(300))
                .body("figures.samplesReceived", equalTo(0));
    }

    @Test
    void testingMoreThanBacklogPlusReceivedIs400AndChangesNothing() {
        String lab = newLab("141025", 100, 10);
        report(DemoUsers.ADMIN, lab, TODAY.minusDays(1), 100, 101).then().statusCode(400)
                .body("errors[0].field", equalTo("samplesTested"));
        as(DemoUsers.ADMIN).queryParam("date", TODAY.minusDays(1).toString()).get("/api/labs/" + lab).then()
                .body("figures.samplesReceived", equalTo(0));
        // A later day that relies on an earlier backlog: lowering the earlier day breaks it.
        report(DemoUsers.ADMIN, lab, TODAY.minusDays(3), 500, 0).then().statusCode(200);
        report(DemoUsers.ADMIN, lab, TODAY.minusDays(2), 0, 500).then().statusCode(200);
        report(DemoUsers.ADMIN, lab, TODAY.minusDays(3), 400, 0).then().statusCode(400)
                .body("day", equalTo(TODAY.minusDays(2).toString()));
        as(DemoUsers.ADMIN).queryParam("date", TODAY.minusDays(3).toString()).get("/api/labs/" + lab).then()
                .body("figures.samplesReceived", equalTo(500));
        report(DemoUsers.ADMIN, lab, TODAY.plusDays(1), 1, 0).then().statusCode(400);
        report(DemoUsers.ADMIN, lab, TODAY, -1, 0).then().statusCode(400);
        as(DemoUsers.ADMIN).body(Map.of("samplesReceived", 1, "samplesTested", 0))
                .put("/api/labs/" + lab + "/days/yesterday").then().statusCode(400);
    }

    @Test
    void aCapacityChangeEffectiveTomorrowLeavesTodayAlone() {
        String lab = newLab("141026", 200, 10);
        as(DemoUsers.ADMIN).body(Map.of("tubesPerDay", 500, "poolingRatio", 5, "effectiveFrom",
                TODAY.plusDays(1).toString())).put("/api/labs/" + lab + "/capacity").then()
                .statusCode(200)
                .body("figures.capacitySamples", equalTo(2000))
                .body("capacityHistory", hasSize(2));
        as(DemoUsers.ADMIN).queryParam("date", TODAY.plusDays(1).toString()).get("/api/labs/" + lab).then()
                .body("figures.capacitySamples", equalTo(2500))
                .body("tubesPerDay", equalTo(500));
        as(DemoUsers.ADMIN).body(Map.of("tubesPerDay", 1, "poolingRatio", 1, "effectiveFrom",
                TODAY.minusDays(1).toString())).put("/api/labs/" + lab + "/capacity").then()
                .statusCode(400).body("errors[0].field", equalTo("effectiveFrom"));
        as(DemoUsers.ADMIN).body(Map.of("tubesPerDay", 10, "poolingRatio", 0)).put("/api/labs/" + lab + "/capacity")
                .then().statusCode(400);
    }

    @Test
    void aSuspendedLabHasNoCapacity() {
        String lab = newLab("141026", 200, 10);
        as(DemoUsers.ADMIN).body(Map.of("status", "SUSPENDED")).put("/api/labs/" + lab + "/status").then()
                .statusCode(200)
                .body("figures.capacitySamples", equalTo(0))
                .body("figures.utilization", nullValue());
    }

    @Test
    void officersWriteForTheirOwnCountysLabsOnly() {
        String lab = newLab("141027", 100, 10);
        report(officerOf("141002"), lab, TODAY, 1, 0).then().statusCode(403);
        as(officerOf("141002")).body(Map.of("code", "T-X", "name", "x", "county", "141027", "tubesPerDay", 1,
                "poolingRatio", 1)).post("/api/labs").then().statusCode(403);
        as(DemoUsers.SCHEDULER).body(Map.of("status", "SUSPENDED")).put("/api/labs/" + lab + "/status").then()
                .statusCode(403);
        as(officerOf("141002")).body(Map.of("status", "SUSPENDED")).put("/api/labs/" + lab + "/status").then()
                .statusCode(403);
        as(officerOf("141002")).body(Map.of("tubesPerDay", 10, "poolingRatio", 1)).put("/api/labs/" + lab + "/capacity")
                .then().statusCode(403);
        as(officerOf("141002")).get("/api/labs/" + lab).then().statusCode(200);
    }

    @Test
    void countyAndCitySumsEqualTheSumOfLabs() {
        JsonPath report = as(officerOf("141002")).get("/api/labs/capacity").jsonPath();
        List<Map<String, Object>> counties = report.getList("counties");
        assertEquals(18, counties.size());
        Map<String, Long> city = new HashMap<>();
        for (int i = 0; i < counties.size(); i++) {
            for (String figure : List.of("capacitySamples", "samplesReceived", "samplesTested", "backlogIn", "backlogOut")) {
                long labsSum = report.<Number>getList("counties[" + i + "].labs.figures." + figure).stream()
                        .mapToLong(Number::longValue).sum();
                assertEquals(labsSum, report.getLong("counties[" + i + "].figures." + figure), figure);
                city.merge(figure, labsSum, Long::sum);
            }
        }
        city.forEach((figure, sum) -> assertEquals(sum, report.getLong("city." + figure), figure));
        org.junit.jupiter.api.Assertions.assertTrue(report.getLong("city.capacitySamples") > 0);
        as(DemoUsers.ADMIN).queryParam("county", "141024").get("/api/labs/capacity").then()
                .body("counties", hasSize(1))
                .body("counties[0].labs", hasSize(2));
    }
}
