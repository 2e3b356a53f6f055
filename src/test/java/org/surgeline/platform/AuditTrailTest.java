package org.surgeline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

/**
 * One audit trail for who changed what, when, from what to what: request decisions and
 * cancellations, reserve floors, risk levels, travel-time overrides, floor overrides on movements,
 * room transitions and reference-data edits, read through {@code GET /api/audit}.
 */
@QuarkusTest
class AuditTrailTest {

    static final String COUNTY = "141021";

    @Inject
    Clock clock;

    /** The newest audit record of one record, read as an admin. */
    private static JsonPath newest(String entity, Object key) {
        return as(DemoUsers.ADMIN).queryParam("entity", entity).queryParam("key", String.valueOf(key))
                .get("/api/audit").then().statusCode(200).extract().jsonPath().setRootPath("items[0]");
    }

    @Test
    void everyKindOfChangeIsRecordedWithWhoWhenAndFromWhatToWhat() {
        // A request decision and a cancellation.
        long request = as(officerOf(COUNTY)).body(Map.of("priority", "ROUTINE",
                        "neededBy", LocalDate.now(clock).plusDays(3).toString(),
                        "lines", List.of(Map.of("kind", "SUPPLY", "item", "GOGGLES", "quantity", 10))))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).body(Map.of("note", "for the audit")).post("/api/allocation-requests/" + request + "/approve")
                .then().statusCode(200);
        JsonPath approved = newest("AllocationRequest", request);
        assertThat(approved.getString("action")).isEqualTo("APPROVE");
        assertThat(approved.getString("actor")).isEqualTo("scheduler");
        assertThat(approved.getString("actorName")).as("an embedded user's name is its own").isEqualTo("scheduler");
        assertThat(approved.getString("before")).isEqualTo("SUBMITTED");
        assertThat(approved.getString("after")).isEqualTo("APPROVED: for the audit");
        assertThat(approved.getString("county")).isEqualTo(COUNTY);
        assertThat(approved.getString("occurredAt")).isNotNull();
        as(officerOf(COUNTY)).post("/api/allocation-requests/" + request + "/cancel").then().statusCode(200);
        assertThat(newest("AllocationRequest", request).getString("action")).isEqualTo("CANCEL");
        assertThat(newest("AllocationRequest", request).getString("before")).isEqualTo("APPROVED");

        // A reserve floor.
        String depot = "WH-" + COUNTY;
        long floor = as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .getLong("find { it.item == 'MASK-N95' }.reserveFloor");
        as(DemoUsers.SCHEDULER).body(Map.of("reserveFloor", floor + 7)).put("/api/depots/" + depot + "/stock/MASK-N95/reserve-floor")
                .then().statusCode(200);
        JsonPath floorChange = newest("StockBalance", depot + "/MASK-N95");
        assertThat(floorChange.getString("action")).isEqualTo("SET_RESERVE_FLOOR");
        assertThat(floorChange.getString("before")).isEqualTo(String.valueOf(floor));
        assertThat(floorChange.getString("after")).isEqualTo(String.valueOf(floor + 7));

        // A risk level, set back afterwards.
        String risk = as(DemoUsers.ADMIN).get("/api/counties/" + COUNTY).jsonPath().getString("riskLevel");
        String other = risk.equals("HIGH") ? "MEDIUM" : "HIGH";
        as(DemoUsers.SCHEDULER).body(Map.of("riskLevel", other)).put("/api/counties/" + COUNTY + "/risk-level").then()
                .statusCode(200);
        JsonPath riskChange = newest("County", COUNTY);
        assertThat(riskChange.getString("action")).isEqualTo("SET_RISK_LEVEL");
        assertThat(riskChange.getString("before")).isEqualTo(risk);
        assertThat(riskChange.getString("after")).isEqualTo(other);
        as(DemoUsers.SCHEDULER).body(Map.of("riskLevel", risk)).put("/api/counties/" + COUNTY + "/risk-level").then()
                .statusCode(200);

        // A travel-time override, and its removal.
        as(DemoUsers.SCHEDULER).body(Map.of("minutes", 77)).put("/api/travel-times/" + COUNTY + "/141022").then()
                .statusCode(200);
        assertThat(newest("TravelTime", COUNTY + "/141022").getString("after")).isEqualTo("77");
        as(DemoUsers.SCHEDULER).delete("/api/travel-times/" + COUNTY + "/141022").then().statusCode(200);
        JsonPath removed = newest("TravelTime", COUNTY + "/141022");
        assertThat(removed.getString("action")).isEqualTo("REMOVE_OVERRIDE");
        assertThat(removed.getString("before")).isEqualTo("77");
        assertThat(removed.getString("after")).isNull();

        // A floor override on a movement: an issue that leaves one unit less than the floor.
        JsonPath goggles = as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .setRootPath("find { it.item == 'GOGGLES' }");
        long take = goggles.getLong("available") - goggles.getLong("reserveFloor") + 1;
        List<Integer> movements = as(DemoUsers.ADMIN).body(Map.of("type", "ISSUE", "depot", depot, "item", "GOGGLES",
                        "quantity", take, "floorOverride", "audit test: field hospital"))
                .post("/api/stock/movements").then().statusCode(201).extract().jsonPath().getList("movements.id");
        // One record, with the movement (of one lot) that took the stock below the floor.
        JsonPath override = as(DemoUsers.ADMIN).queryParam("entity", "StockMovement").get("/api/audit").then()
                .statusCode(200).extract().jsonPath().setRootPath("items[0]");
        assertThat(movements).contains(Integer.valueOf(override.getString("key")));
        assertThat(override.getString("county")).isEqualTo(COUNTY);
        assertThat(override.getString("action")).isEqualTo("FLOOR_OVERRIDE");
        assertThat(override.getString("actor")).isEqualTo("admin");
        assertThat(override.getString("after")).contains("below the floor", "audit test: field hospital");

        // Reference data.
        String item = TestNames.unique("AUDIT");
        as(DemoUsers.ADMIN).body(Map.of("code", item, "name", "Audit item", "unit", "piece", "category", "PPE",
                "parcelSize", 10, "shelfLifeDays", 365, "dailyUsePer10k", 1)).post("/api/items").then().statusCode(201);
        JsonPath created = newest("SupplyItem", item);
        assertThat(created.getString("action")).isEqualTo("CREATE");
        assertThat(created.getString("before")).isNull();
        assertThat(created.getString("after")).contains("\"parcelSize\":10");
        as(DemoUsers.ADMIN).body(Map.of("dates", List.of(LocalDate.now(clock).plusDays(25).toString())))
                .put("/api/teams/MEDICAL-03/unavailability").then().statusCode(200);
        assertThat(newest("Team", "MEDICAL-03").getString("action")).isEqualTo("SET_DAYS_OFF");
    }

    @Test
    void roomTransitionsAreReadAsTheRoomsEventsAndInTheAuditTrail() {
        String sites = as(DemoUsers.ADMIN).queryParam("county", COUNTY).get("/api/isolation/sites").asString();
        String site = JsonPath.from(sites).getString("items[0].code");
        JsonPath rooms = as(DemoUsers.ADMIN).queryParam("size", 500).get("/api/isolation/sites/" + site + "/rooms")
                .jsonPath();
        long room = rooms.getLong("items.find { it.state == 'READY' }.id");
        as(officerOf(COUNTY)).body(Map.of("to", "OUT_OF_SERVICE")).post("/api/isolation/rooms/" + room + "/transitions")
                .then().statusCode(200);
        as(officerOf(COUNTY)).get("/api/isolation/rooms/" + room + "/events").then().statusCode(200)
                .body("items[0].fromState", equalTo("READY"))
                .body("items[0].toState", equalTo("OUT_OF_SERVICE"))
                .body("items[0].actor", equalTo(officerOf(COUNTY)))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        JsonPath audited = newest("IsolationRoom", room);
        assertThat(audited.getString("action")).isEqualTo("TRANSITION");
        assertThat(audited.getString("before")).isEqualTo("READY");
        assertThat(audited.getString("after")).startsWith("OUT_OF_SERVICE");
        as(officerOf(COUNTY)).body(Map.of("to", "READY")).post("/api/isolation/rooms/" + room + "/transitions")
                .then().statusCode(200);

        // Another county's officer does not read this room's history; an unknown room is 404.
        as(officerOf("141022")).get("/api/isolation/rooms/" + room + "/events").then().statusCode(404);
        as(DemoUsers.SCHEDULER).get("/api/isolation/rooms/99999999/events").then().statusCode(404);
        as(DemoUsers.SCHEDULER).queryParam("size", 0).get("/api/isolation/rooms/" + room + "/events").then()
                .statusCode(400);
    }

    @Test
    void officersReadTheirOwnCountysRecordsAndWarehouseStaffNone() {
        as(DemoUsers.SCHEDULER).body(Map.of("reserveFloor", 1)).put("/api/depots/WH-141022/stock/SWAB/reserve-floor")
                .then().statusCode(200);
        as(officerOf(COUNTY)).get("/api/audit").then().statusCode(200)
                .body("items.county", everyItem(equalTo(COUNTY)));
        as(officerOf(COUNTY)).queryParam("entity", "StockBalance").queryParam("key", "WH-141022/SWAB")
                .get("/api/audit").then().statusCode(200).body("total", equalTo(0));
        as(officerOf("141022")).queryParam("entity", "StockBalance").queryParam("key", "WH-141022/SWAB")
                .get("/api/audit").then().statusCode(200).body("items[0].action", equalTo("SET_RESERVE_FLOOR"));
        as(DemoUsers.WAREHOUSE).get("/api/audit").then().statusCode(403);
        as(DemoUsers.SCHEDULER).queryParam("from", "yesterday").get("/api/audit").then().statusCode(400)
                .body("type", startsWith("https://surgeline.org/problems/"));
        as(DemoUsers.SCHEDULER).queryParam("from", LocalDate.now(clock).toString()).queryParam("size", 5)
                .get("/api/audit").then().statusCode(200).body("size", equalTo(5));
    }
}
