package org.surgeline.region;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;
import org.surgeline.TestNames;

/** Counties registered, edited with If-Match and retired through the API (issue 14). */
@QuarkusTest
class CountyAdministrationTest {

    /** Counties a test registered: retired after it, so the demo city keeps its 18 for the other tests. */
    private static final List<String> REGISTERED = new java.util.ArrayList<>();

    /** A county code no other test run uses. */
    static String newCode() {
        return TestNames.uniqueCode("T");
    }

    static Map<String, Object> county(String code) {
        return new HashMap<>(Map.of("code", code, "nameZh", "测试县", "namePinyin", "Ceshi", "population", 120_000,
                "latitude", 36.1, "longitude", 111.5));
    }

    @org.junit.jupiter.api.AfterEach
    void retireRegistered() {
        REGISTERED.forEach(code -> as(DemoUsers.ADMIN).delete("/api/counties/" + code));
        REGISTERED.clear();
    }

    static String created(String code) {
        REGISTERED.add(code);
        return as(DemoUsers.ADMIN).body(county(code)).post("/api/counties").then().statusCode(201)
                .extract().header("ETag");
    }

    private static String etag(String code) {
        return as(DemoUsers.ADMIN).get("/api/counties/" + code).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
    }

    private static Map<String, Object> change(String pinyin) {
        return Map.of("nameZh", "测试县", "namePinyin", pinyin, "population", 130_000, "latitude", 36.2,
                "longitude", 111.6);
    }

    private static Map<String, Object> requestFor(String county) {
        return Map.of("county", county, "priority", "URGENT", "neededBy", ServiceClock.today().plusDays(3).toString(),
                "justification", "surge", "lines", List.of(Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 100)));
    }

    @Test
    void anAdminRegistersACountyAndItIsListed() {
        String code = newCode();
        REGISTERED.add(code);
        as(DemoUsers.ADMIN).body(county(code)).post("/api/counties").then()
                .statusCode(201)
                .header("Location", containsString("/api/counties/" + code))
                .body("riskLevel", equalTo("LOW"));
        as(officerOf("141002")).get("/api/counties").then().body("code", hasItem(code));
        as(DemoUsers.ADMIN).body(county(code)).post("/api/counties").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/duplicate"));
    }

    @Test
    void invalidCountiesAre400AndOnlyAdminsWrite() {
        Map<String, Object> bad = county("lower");
        bad.put("latitude", 91);
        bad.remove("namePinyin");
        as(DemoUsers.ADMIN).body(bad).post("/api/counties").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("code", "latitude", "namePinyin"));
        as(DemoUsers.SCHEDULER).body(county(newCode())).post("/api/counties").then().statusCode(403);
        as(DemoUsers.SCHEDULER).header("If-Match", "\"0\"").body(change("X")).put("/api/counties/141002").then()
                .statusCode(403);
        as(DemoUsers.SCHEDULER).delete("/api/counties/141002").then().statusCode(403);
    }

    @Test
    void anEditNeedsTheCurrentETagAndIsAudited() {
        String code = newCode();
        String first = created(code);
        as(DemoUsers.ADMIN).body(change("Xin")).put("/api/counties/" + code).then()
                .statusCode(428)
                .contentType("application/problem+json");
        String second = as(DemoUsers.ADMIN).header("If-Match", first).body(change("Xin")).put("/api/counties/" + code)
                .then().statusCode(200)
                .body("namePinyin", equalTo("Xin"))
                .body("population", equalTo(130_000))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
        org.junit.jupiter.api.Assertions.assertEquals(second, etag(code));
        // A second admin who read the county before the first edit cannot overwrite it.
        as(DemoUsers.ADMIN).header("If-Match", first).body(change("Stale")).put("/api/counties/" + code).then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://surgeline.org/problems/stale-etag"))
                .body("currentETag", equalTo(second));
        as(DemoUsers.ADMIN).get("/api/counties/" + code).then().body("namePinyin", equalTo("Xin"));
        as(DemoUsers.ADMIN).queryParam("entity", "County").queryParam("key", code).get("/api/audit").then()
                .statusCode(200)
                .body("items[0].action", equalTo("UPDATE"))
                .body("items[0].after", containsString("Xin"));
    }

    @Test
    void aCountyHeldByADepotOrAnOpenRequestIsNotRetired() {
        String code = newCode();
        created(code);
        String depot = "T-D-" + code;
        as(DemoUsers.ADMIN).body(Map.of("code", depot, "name", "Depot", "county", code, "kind", "COUNTY_WAREHOUSE"))
                .post("/api/depots").then().statusCode(201);
        as(DemoUsers.ADMIN).delete("/api/counties/" + code).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://surgeline.org/problems/still-referenced"))
                .body("heldBy", equalTo("depot " + depot));
        as(DemoUsers.ADMIN).delete("/api/depots/" + depot).then().statusCode(200).body("retiredAt", notNullValue());

        long request = as(DemoUsers.SCHEDULER).body(requestFor(code))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.ADMIN).delete("/api/counties/" + code).then()
                .statusCode(409)
                .body("heldBy", equalTo("request " + request + " (SUBMITTED)"));
        as(DemoUsers.SCHEDULER).body(Map.of("reason", "test")).post("/api/allocation-requests/" + request + "/reject")
                .then().statusCode(200);

        as(DemoUsers.ADMIN).delete("/api/counties/" + code).then().statusCode(200).body("retiredAt", notNullValue());
        // Hidden from lists, readable with includeRetired and by its code, its history kept.
        as(DemoUsers.ADMIN).get("/api/counties").then().body("code", not(hasItem(code)));
        as(DemoUsers.ADMIN).queryParam("includeRetired", true).get("/api/counties").then().body("code", hasItem(code));
        as(DemoUsers.ADMIN).get("/api/counties/" + code).then().statusCode(200).body("retiredAt", notNullValue());
        as(DemoUsers.ADMIN).queryParam("includeRetired", true).get("/api/depots").then()
                .body("items.code", hasItem(depot));
        as(DemoUsers.ADMIN).get("/api/depots").then().body("items.code", not(hasItem(depot)));
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then().statusCode(200);
        // Refused for new work.
        as(DemoUsers.ADMIN).body(Map.of("code", "T-D2-" + code, "name", "Depot", "county", code, "kind", "SITE_STORE"))
                .post("/api/depots").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/retired"));
        as(DemoUsers.SCHEDULER).body(requestFor(code)).post("/api/allocation-requests").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/retired"));
        as(DemoUsers.ADMIN).get("/api/travel-times").then().statusCode(200);
    }
}
