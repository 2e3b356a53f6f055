package org.surgeline.isolation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.isolation.IsolationFixtures.move;
import static org.surgeline.isolation.IsolationFixtures.newRooms;
import static org.surgeline.isolation.IsolationFixtures.newSite;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;

/** Isolation sites edited with If-Match and retired, never deleted (issue 14). */
@QuarkusTest
class SiteRetirementTest {

    @Inject
    IsolationService isolation;

    private static Map<String, Object> change(String name) {
        return Map.of("name", name, "county", "141021", "kind", "DORMITORY", "address", "1 Road", "contact", "Li");
    }

    @Test
    void aSiteIsEditedWithTheCurrentETagOnly() {
        String site = newSite("141021");
        String tag = as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        as(DemoUsers.ADMIN).header("If-Match", tag).body(change("Renamed")).put("/api/isolation/sites/" + site).then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("kind", equalTo("DORMITORY"));
        as(DemoUsers.ADMIN).header("If-Match", tag).body(change("Stale")).put("/api/isolation/sites/" + site).then()
                .statusCode(412)
                .contentType("application/problem+json");
        as(DemoUsers.ADMIN).body(change("No tag")).put("/api/isolation/sites/" + site).then().statusCode(428);
        as(DemoUsers.SCHEDULER).header("If-Match", tag).body(change("x")).put("/api/isolation/sites/" + site).then()
                .statusCode(403);
        as(DemoUsers.ADMIN).queryParam("entity", "IsolationSite").queryParam("key", site).get("/api/audit").then()
                .body("items[0].action", equalTo("UPDATE"));
    }

    @Test
    void aSiteWithOccupiedRoomsIsNotRetiredAndARetiredOneLeavesThePlanner() {
        String site = newSite("141021");
        int room = newRooms(site, 2, 2).get(0);
        move(DemoUsers.ADMIN, room, Map.of("to", "CONVERTING", "expectedReadyOn", ServiceClock.today().toString()))
                .then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "READY")).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", 1)).then().statusCode(200);
        as(DemoUsers.ADMIN).delete("/api/isolation/sites/" + site).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://surgeline.org/problems/still-referenced"))
                .body("heldBy", equalTo("1 occupied room(s)"));

        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", 0)).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "CLEANING")).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "READY")).then().statusCode(200);
        assertTrue(isolation.freeBedsForecast(ServiceClock.today(), 3).containsKey(site));

        as(DemoUsers.ADMIN).delete("/api/isolation/sites/" + site).then().statusCode(200)
                .body("retiredAt", notNullValue());
        assertFalse(isolation.freeBedsForecast(ServiceClock.today(), 3).containsKey(site),
                "a retired site's beds are not offered to the planner");
        as(DemoUsers.ADMIN).queryParam("size", 500).get("/api/isolation/sites").then()
                .body("items.code", not(hasItem(site)));
        as(DemoUsers.ADMIN).queryParam("size", 500).queryParam("includeRetired", true).get("/api/isolation/sites")
                .then().body("items.code", hasItem(site));
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").then().statusCode(200)
                .body("total", equalTo(2));
        as(DemoUsers.ADMIN).body(Map.of("from", 201, "to", 202, "beds", 1))
                .post("/api/isolation/sites/" + site + "/rooms").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/retired"));
    }
}
