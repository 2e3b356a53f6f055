package org.surgeline.isolation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.isolation.IsolationFixtures.newRooms;
import static org.surgeline.isolation.IsolationFixtures.newSite;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** A site holds a bounded number of rooms (500 in the test profile), and its rooms are read page by page. */
@QuarkusTest
class RoomLimitsTest {

    @Test
    void aSiteRefusesRoomsBeyondItsCapAndKeepsWhatItHad() {
        String site = newSite("141026");
        newRooms(site, 400, 1);
        as(DemoUsers.ADMIN).body(Map.of("from", 1001, "to", 1101, "beds", 1))
                .post("/api/isolation/sites/" + site + "/rooms").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/too-many-rooms"))
                .body("rooms", equalTo(400)).body("maxRoomsPerSite", equalTo(500));
        as(DemoUsers.ADMIN).body(Map.of("from", 1001, "to", 1100, "beds", 1))
                .post("/api/isolation/sites/" + site + "/rooms").then().statusCode(201);
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").then().body("total", equalTo(500));
    }

    @Test
    void aSitesRoomsArePagedAndTheSiteViewHoldsNone() {
        String site = newSite("141026");
        newRooms(site, 5, 2);
        as(DemoUsers.ADMIN).queryParam("page", 1).queryParam("size", 2).get("/api/isolation/sites/" + site + "/rooms")
                .then().statusCode(200).body("total", equalTo(5)).body("items.roomNumber", contains("103", "104"));
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site).then().statusCode(200)
                .body("capacity.physicalBeds", equalTo(10)).body("rooms", nullValue());
        as(DemoUsers.ADMIN).queryParam("size", 501).get("/api/isolation/sites/" + site + "/rooms").then().statusCode(400);
    }
}
