package org.surgeline.region;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.surgeline.DemoUsers.anonymous;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.surgeline.DemoUsers;

@QuarkusTest
class CountyResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {DemoUsers.ADMIN, DemoUsers.SCHEDULER, DemoUsers.WAREHOUSE, "officer-141002"})
    void everySignedInUserListsTheEighteenDivisions(String user) {
        as(user).get("/api/counties").then()
                .statusCode(200)
                .body("$", hasSize(18))
                .body("code", hasItems("141002", "141024", "141081", "141082", "LFEDZ"))
                .body("find { it.code == '141002' }.nameZh", equalTo("尧都区"))
                .body("find { it.code == '141002' }.namePinyin", equalTo("Yaodu"));
    }

    @Test
    void demoPopulationIsAboutThatOfTheCensus() {
        List<Integer> populations = as(DemoUsers.ADMIN).get("/api/counties").jsonPath().getList("population");
        long total = populations.stream().mapToLong(Integer::longValue).sum();
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(total - 3_980_000) < 20_000,
                "demo population " + total + " should be about 3.98 million");
    }

    @Test
    void anonymousCallerGets401Problem() {
        anonymous().get("/api/counties").then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401))
                .body("type", equalTo("https://surgeline.org/problems/unauthorized"));
    }

    @Test
    void wrongPasswordGets401Problem() {
        io.restassured.RestAssured.given().auth().preemptive().basic("admin", "nope")
                .get("/api/counties").then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void oneCountyOrA404Problem() {
        as(DemoUsers.WAREHOUSE).get("/api/counties/141024").then()
                .statusCode(200)
                .body("namePinyin", equalTo("Hongtong"))
                .body("population", greaterThan(0))
                .body("riskLevel", notNullValue());
        as(DemoUsers.WAREHOUSE).get("/api/counties/999999").then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("https://surgeline.org/problems/not-found"))
                .body("detail", containsString("999999"));
    }

    @Test
    void officerMayNotSetRiskLevels() {
        JsonPath before = as(DemoUsers.ADMIN).get("/api/counties/141024").jsonPath();
        as(officerOf("141002")).body("{\"riskLevel\":\"HIGH\"}").put("/api/counties/141024/risk-level").then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("https://surgeline.org/problems/forbidden"));
        as(officerOf("141024")).body("{\"riskLevel\":\"HIGH\"}").put("/api/counties/141024/risk-level").then()
                .statusCode(403);
        assertUnchanged("141024", before);
    }

    @Test
    void schedulerSetsARiskLevelAndIsRecordedAsTheAuthor() {
        as(DemoUsers.SCHEDULER).body("{\"riskLevel\":\"HIGH\"}").put("/api/counties/141081/risk-level").then()
                .statusCode(200)
                .body("riskLevel", equalTo("HIGH"))
                .body("updatedBy", equalTo("scheduler"));
        as(DemoUsers.ADMIN).get("/api/counties/141081").then().body("riskLevel", equalTo("HIGH"));
        as(DemoUsers.ADMIN).body("{\"riskLevel\":\"LOW\"}").put("/api/counties/141081/risk-level").then()
                .statusCode(200)
                .body("updatedBy", equalTo("admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"riskLevel\":\"PURPLE\"}", "{}", "{\"riskLevel\":null}", "{\"riskLevel\":2}",
            "{\"riskLevel\":\"HIGH\",\"updatedBy\":\"mallory\"}"})
    void badRiskLevelChangesAre400NamingTheFieldAndChangeNothing(String body) {
        JsonPath before = as(DemoUsers.ADMIN).get("/api/counties/141002").jsonPath();
        as(DemoUsers.ADMIN).body(body).put("/api/counties/141002/risk-level").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://surgeline.org/problems/validation"))
                .body("errors.field", everyItem(org.hamcrest.Matchers.oneOf("riskLevel", "updatedBy")))
                .body("errors", hasSize(1));
        assertUnchanged("141002", before);
    }

    @Test
    void malformedJsonIs400Problem() {
        JsonPath before = as(DemoUsers.ADMIN).get("/api/counties/141002").jsonPath();
        as(DemoUsers.ADMIN).body("{\"riskLevel\": ").put("/api/counties/141002/risk-level").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://surgeline.org/problems/malformed-json"))
                .body("detail", org.hamcrest.Matchers.not(containsString("at [Source")));
        as(DemoUsers.ADMIN).put("/api/counties/141002/risk-level").then()
                .statusCode(400)
                .contentType(PROBLEM);
        assertUnchanged("141002", before);
    }

    @Test
    void unknownCountyRiskLevelIs404() {
        as(DemoUsers.ADMIN).body("{\"riskLevel\":\"HIGH\"}").put("/api/counties/000000/risk-level").then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(DemoUsers.ADMIN).get("/api/counties").then().body("code", org.hamcrest.Matchers.not(hasItem("000000")));
    }

    private static void assertUnchanged(String code, JsonPath before) {
        JsonPath after = as(DemoUsers.ADMIN).get("/api/counties/" + code).jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(before.getString("riskLevel"), after.getString("riskLevel"));
        org.junit.jupiter.api.Assertions.assertEquals(before.getString("updatedAt"), after.getString("updatedAt"));
    }
}
