package org.surgeline.isolation;

import org.surgeline.ServiceClock;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.isolation.IsolationFixtures.move;
import static org.surgeline.isolation.IsolationFixtures.newRooms;
import static org.surgeline.isolation.IsolationFixtures.newSite;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

@QuarkusTest
class IsolationResourceTest {

    private static final String TOMORROW = ServiceClock.today().plusDays(1).toString();
    private static final String IN_FIVE_DAYS = ServiceClock.today().plusDays(5).toString();

    @Test
    void officersRegisterSitesOfTheirOwnCountyOnly() {
        Map<String, Object> site = Map.of("code", TestNames.unique("T-OWN"), "name", "Fenxi dorm",
                "county", "141034", "kind", "DORMITORY");
        as(officerOf("141034")).body(site).post("/api/isolation/sites").then().statusCode(201)
                .body("county", equalTo("141034"));
        as(officerOf("141002")).body(Map.of("code", "T-OTHER", "name", "x", "county", "141034", "kind", "HOTEL"))
                .post("/api/isolation/sites").then().statusCode(403);
        as(DemoUsers.SCHEDULER).body(Map.of("code", "T-SCHED", "name", "x", "county", "141034", "kind", "HOTEL"))
                .post("/api/isolation/sites").then().statusCode(403);
        String other = newSite("141002");
        as(officerOf("141034")).body(Map.of("from", 1, "to", 2, "beds", 1))
                .post("/api/isolation/sites/" + other + "/rooms").then().statusCode(403);
    }

    @Test
    void officersMoveRoomsOfTheirOwnCountyOnly() {
        String other = newSite("141002");
        int room = newRooms(other, 1, 1).get(0);
        move(officerOf("141034"), room, Map.of("to", "OUT_OF_SERVICE")).then().statusCode(403);
        as(officerOf("141034")).body(Map.of("rooms", List.of("101"), "to", "OUT_OF_SERVICE"))
                .post("/api/isolation/sites/" + other + "/transitions").then().statusCode(403);
        as(officerOf("141034")).get("/api/isolation/rooms/" + room + "/events").then().statusCode(404);
        as(DemoUsers.ADMIN).get("/api/isolation/rooms/" + room + "/events").then().statusCode(200)
                .body("total", equalTo(0));
        move(officerOf("141002"), room, Map.of("to", "OUT_OF_SERVICE")).then().statusCode(200);
    }

    @Test
    void aRoomGoesThroughItsLifeAndCapacityFollows() {
        String site = newSite("141021");
        int room = newRooms(site, 1, 2).get(0);
        move(DemoUsers.ADMIN, room, Map.of("to", "CONVERTING", "expectedReadyOn", IN_FIVE_DAYS)).then()
                .statusCode(200).body("state", equalTo("CONVERTING")).body("progress", equalTo(0));
        move(DemoUsers.ADMIN, room, Map.of("to", "CONVERTING", "progress", 60)).then()
                .statusCode(200).body("progress", equalTo(60)).body("expectedReadyOn", equalTo(IN_FIVE_DAYS));
        assertCapacity(site, 2, 0, 0, 0);
        move(officerOf("141021"), room, Map.of("to", "READY")).then().statusCode(200).body("progress", equalTo(100));
        assertCapacity(site, 2, 2, 2, 0);
        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", 1)).then().statusCode(200)
                .body("freeBeds", equalTo(1));
        assertCapacity(site, 2, 2, 1, 1);
        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", 0)).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "CLEANING")).then().statusCode(200);
        assertCapacity(site, 2, 0, 0, 0);
        move(DemoUsers.ADMIN, room, Map.of("to", "READY")).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "OUT_OF_SERVICE")).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "READY")).then().statusCode(200);
    }

    @Test
    void illegalMovesAre409WithTheAllowedNextStates() {
        String site = newSite("141021");
        int room = newRooms(site, 1, 1).get(0);
        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", 1)).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://surgeline.org/problems/illegal-transition"))
                .body("state", equalTo("PLANNED"))
                .body("allowed", containsInAnyOrder("CONVERTING", "OUT_OF_SERVICE"));
        move(DemoUsers.ADMIN, room, Map.of("to", "READY")).then().statusCode(409);
        move(DemoUsers.ADMIN, room, Map.of("to", "CLEANING")).then().statusCode(409);
        move(DemoUsers.ADMIN, room, Map.of("to", "PLANNED")).then().statusCode(409);
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").then().body("items[0].state", equalTo("PLANNED"));
    }

    @Test
    void occupancyMustFitAndEmptyBeforeLeaving() {
        String site = newSite("141022");
        int room = newRooms(site, 1, 2).get(0);
        move(DemoUsers.ADMIN, room, Map.of("to", "CONVERTING", "expectedReadyOn", TOMORROW)).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "READY")).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", 3)).then()
                .statusCode(409).body("type", equalTo("https://surgeline.org/problems/occupants-exceed-beds"));
        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", 2)).then().statusCode(200);
        move(DemoUsers.ADMIN, room, Map.of("to", "CLEANING")).then()
                .statusCode(409).body("type", equalTo("https://surgeline.org/problems/room-not-empty"));
        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", 51)).then().statusCode(400);
        move(DemoUsers.ADMIN, room, Map.of("to", "OCCUPIED", "occupants", -1)).then().statusCode(400);
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").then().body("items[0].occupants", equalTo(2));
    }

    @Test
    void fieldsThatDoNotBelongToTheMoveAre400() {
        String site = newSite("141022");
        int room = newRooms(site, 1, 1).get(0);
        move(DemoUsers.ADMIN, room, Map.of("to", "CONVERTING")).then()
                .statusCode(400).body("errors.field", hasItem("expectedReadyOn"));
        move(DemoUsers.ADMIN, room, Map.of("to", "CONVERTING", "expectedReadyOn", "2020-01-01")).then()
                .statusCode(400);
        move(DemoUsers.ADMIN, room, Map.of("to", "OUT_OF_SERVICE", "occupants", 1)).then()
                .statusCode(400).body("errors.field", hasItem("occupants"));
        move(DemoUsers.ADMIN, room, Map.of("to", "PURPLE")).then().statusCode(400);
        move(DemoUsers.ADMIN, 999_999_999, Map.of("to", "READY")).then().statusCode(404);
    }

    @Test
    void aBulkMoveWithOneBadRoomChangesNothing() {
        String site = newSite("141023");
        List<Integer> rooms = newRooms(site, 5, 1);
        as(DemoUsers.ADMIN).body(Map.of("rooms", List.of("101", "102", "103"), "to", "CONVERTING",
                "expectedReadyOn", TOMORROW)).post("/api/isolation/sites/" + site + "/transitions").then()
                .statusCode(200).body("$", hasSize(3));
        // 104 and 105 are still PLANNED and cannot become READY.
        as(DemoUsers.ADMIN).body(Map.of("rooms", List.of("101", "102", "103", "104"), "to", "READY"))
                .post("/api/isolation/sites/" + site + "/transitions").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/bulk-transition-refused"))
                .body("refused", hasSize(1))
                .body("refused[0].room", equalTo("104"))
                .body("refused[0].allowed", containsInAnyOrder("CONVERTING", "OUT_OF_SERVICE"));
        JsonPath after = as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").jsonPath();
        assertEquals(List.of("CONVERTING", "CONVERTING", "CONVERTING", "PLANNED", "PLANNED"),
                after.getList("items.state"));
        as(DemoUsers.ADMIN).body(Map.of("rooms", List.of("101", "999"), "to", "READY"))
                .post("/api/isolation/sites/" + site + "/transitions").then().statusCode(404);
        as(DemoUsers.ADMIN).body(Map.of("rooms", List.of("101", "101"), "to", "READY"))
                .post("/api/isolation/sites/" + site + "/transitions").then().statusCode(400);
        as(DemoUsers.ADMIN).body(Map.of("rooms", List.of(), "to", "READY"))
                .post("/api/isolation/sites/" + site + "/transitions").then().statusCode(400);
        assertEquals(5, rooms.size());
    }

    @Test
    void roomNumbersAreUniqueWithinASite() {
        String site = newSite("141023");
        newRooms(site, 3, 1);
        as(DemoUsers.ADMIN).body(Map.of("from", 103, "to", 110, "beds", 1))
                .post("/api/isolation/sites/" + site + "/rooms").then()
                .statusCode(409).body("rooms", equalTo(List.of("103")));
        as(DemoUsers.ADMIN).body(Map.of("from", 110, "to", 105, "beds", 1))
                .post("/api/isolation/sites/" + site + "/rooms").then().statusCode(400);
        as(DemoUsers.ADMIN).body(Map.of("from", 1, "to", 5000, "beds", 1))
                .post("/api/isolation/sites/" + site + "/rooms").then().statusCode(400);
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").then().body("items", hasSize(3));
    }

    @Test
    void aRoomsKeyReplaysOnItsSiteAndIsAnotherBodyOnAnother() {
        String site = newSite("141023");
        String other = newSite("141023");
        String key = "rooms-" + System.nanoTime();
        Map<String, Object> rooms = Map.of("from", 201, "to", 202, "beds", 2);
        List<Integer> first = as(DemoUsers.ADMIN).header("Idempotency-Key", key).body(rooms)
                .post("/api/isolation/sites/" + site + "/rooms").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null).extract().jsonPath().getList("id");
        as(DemoUsers.ADMIN).header("Idempotency-Key", key).body(rooms)
                .post("/api/isolation/sites/" + site + "/rooms").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        // The scope names the site: the same body for another site is another request.
        as(DemoUsers.ADMIN).header("Idempotency-Key", key).body(rooms)
                .post("/api/isolation/sites/" + other + "/rooms").then().statusCode(422)
                .body("type", equalTo("https://surgeline.org/problems/idempotency-key-reused"));
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site + "/rooms").then().body("items", hasSize(2));
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + other + "/rooms").then().body("items", hasSize(0));
    }

    @Test
    void theForecastCountsConversionsDueByTheDate() {
        String county = "141029";
        JsonPath before = as(DemoUsers.WAREHOUSE).queryParam("county", county).queryParam("date", IN_FIVE_DAYS)
                .get("/api/isolation/capacity").jsonPath();
        String site = newSite(county);
        List<Integer> rooms = newRooms(site, 2, 3);
        move(DemoUsers.ADMIN, rooms.get(0), Map.of("to", "CONVERTING", "expectedReadyOn", IN_FIVE_DAYS));
        move(DemoUsers.ADMIN, rooms.get(1), Map.of("to", "CONVERTING",
                "expectedReadyOn", ServiceClock.today().plusDays(9).toString()));
        JsonPath after = as(DemoUsers.WAREHOUSE).queryParam("county", county).queryParam("date", IN_FIVE_DAYS)
                .get("/api/isolation/capacity").jsonPath();
        assertEquals(before.getLong("counties[0].capacity.convertingBeds") + 6,
                after.getLong("counties[0].capacity.convertingBeds"));
        assertEquals(before.getLong("counties[0].capacity.forecastReadyBeds") + 3,
                after.getLong("counties[0].capacity.forecastReadyBeds"));
        assertEquals(before.getLong("counties[0].capacity.readyBeds"), after.getLong("counties[0].capacity.readyBeds"));
        as(DemoUsers.WAREHOUSE).queryParam("date", "soon").get("/api/isolation/capacity").then()
                .statusCode(400).body("errors[0].field", equalTo("date"));
    }

    @Test
    void cityCapacityIsTheSumOfCountiesAndTheDemoCityHasRooms() {
        JsonPath report = as(officerOf("141030")).get("/api/isolation/capacity").jsonPath();
        assertEquals(18, report.getList("counties").size());
        for (String figure : List.of("physicalBeds", "readyBeds", "freeBeds", "occupants", "convertingBeds")) {
            long sum = report.<Number>getList("counties.capacity." + figure).stream().mapToLong(Number::longValue).sum();
            assertEquals(report.getLong("city." + figure), sum, figure);
        }
        assertEquals(report.getLong("city.readyBeds"), report.getLong("city.occupants") + report.getLong("city.freeBeds"));
        org.junit.jupiter.api.Assertions.assertTrue(report.getLong("city.physicalBeds") > 1000);
    }

    private static void assertCapacity(String site, int physical, int ready, int free, int occupants) {
        as(DemoUsers.ADMIN).get("/api/isolation/sites/" + site).then()
                .body("capacity.physicalBeds", equalTo(physical))
                .body("capacity.readyBeds", equalTo(ready))
                .body("capacity.freeBeds", equalTo(free))
                .body("capacity.occupants", equalTo(occupants));
    }
}
