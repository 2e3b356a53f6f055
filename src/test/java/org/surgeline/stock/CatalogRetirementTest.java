package org.surgeline.stock;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.stock.StockFixtures.newDepot;
import static org.surgeline.stock.StockFixtures.newItem;
import static org.surgeline.stock.StockFixtures.receive;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;

/** Items and depots edited with If-Match and retired, never deleted (issue 14). */
@QuarkusTest
class CatalogRetirementTest {

    private static Map<String, Object> itemChange(String name, int parcelSize) {
        return Map.of("name", name, "unit", "piece", "category", "PPE", "parcelSize", parcelSize,
                "shelfLifeDays", 365, "dailyUsePer10k", 100);
    }

    private static String etag(String path) {
        return as(DemoUsers.ADMIN).get(path).then().statusCode(200).header("ETag", notNullValue())
                .extract().header("ETag");
    }

    private static Map<String, Object> supplyRequest(String item) {
        return Map.of("priority", "URGENT", "neededBy", ServiceClock.today().plusDays(3).toString(),
                "justification", "surge", "lines", List.of(Map.of("kind", "SUPPLY", "item", item, "quantity", 10)));
    }

    @Test
    void anItemIsEditedWithTheCurrentETagOnly() {
        String item = newItem();
        String first = etag("/api/items/" + item);
        String second = as(DemoUsers.ADMIN).header("If-Match", first).body(itemChange("Renamed", 20))
                .put("/api/items/" + item).then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("parcelSize", equalTo(20))
                .extract().header("ETag");
        assertEquals(second, etag("/api/items/" + item));
        as(DemoUsers.ADMIN).header("If-Match", first).body(itemChange("Lost update", 30)).put("/api/items/" + item)
                .then().statusCode(412).contentType("application/problem+json");
        as(DemoUsers.ADMIN).body(itemChange("No tag", 30)).put("/api/items/" + item).then().statusCode(428);
        as(DemoUsers.ADMIN).header("If-Match", second).body(Map.of("name", "")).put("/api/items/" + item).then()
                .statusCode(400);
        as(DemoUsers.WAREHOUSE).header("If-Match", second).body(itemChange("x", 1)).put("/api/items/" + item).then()
                .statusCode(403);
        as(DemoUsers.ADMIN).get("/api/items/" + item).then().body("name", equalTo("Renamed"));
        as(DemoUsers.ADMIN).queryParam("entity", "SupplyItem").queryParam("key", item).get("/api/audit").then()
                .body("items[0].action", equalTo("UPDATE"));
    }

    @Test
    void anItemWithStockOrAnOpenRequestIsNotRetired() {
        String item = newItem();
        String depot = newDepot("141002");
        receive(depot, item, 50, "L1", ServiceClock.today().plusYears(1));
        as(DemoUsers.ADMIN).delete("/api/items/" + item).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://surgeline.org/problems/still-referenced"))
                .body("heldBy", equalTo("stock on hand: 50 of " + item + " at depot " + depot));
        as(DemoUsers.ADMIN).delete("/api/depots/" + depot).then()
                .statusCode(409)
                .body("heldBy", equalTo("stock on hand: 50 of " + item + " at depot " + depot));

        String requested = newItem();
        long request = as(officerOf("141002")).body(supplyRequest(requested)).post("/api/allocation-requests").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.ADMIN).delete("/api/items/" + requested).then()
                .statusCode(409)
                .body("heldBy", equalTo("request " + request + " (SUBMITTED)"));
    }

    @Test
    void aRetiredItemIsHiddenAndTakesNoNewWork() {
        String item = newItem();
        as(DemoUsers.ADMIN).delete("/api/items/" + item).then().statusCode(200).body("retiredAt", notNullValue());
        as(DemoUsers.ADMIN).delete("/api/items/" + item).then().statusCode(200);
        as(DemoUsers.ADMIN).queryParam("size", 500).get("/api/items").then().body("items.code", not(hasItem(item)));
        as(DemoUsers.ADMIN).queryParam("size", 500).queryParam("includeRetired", true).get("/api/items").then()
                .body("items.code", hasItem(item));
        as(DemoUsers.ADMIN).get("/api/items/" + item).then().statusCode(200).body("retiredAt", notNullValue());
        as(officerOf("141002")).body(supplyRequest(item)).post("/api/allocation-requests").then()
                .statusCode(400)
                .body("errors.message", hasItem("item '" + item + "' is retired"));
        as(DemoUsers.WAREHOUSE).body(Map.of("type", "RECEIPT", "depot", "WH-141002", "item", item, "quantity", 5,
                        "lot", "L1", "expiresOn", ServiceClock.today().plusYears(1).toString()))
                .post("/api/stock/movements").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/retired"));
    }

    @Test
    void aDepotIsEditedAndRetiredOutOfThePlannersSight() {
        String depot = newDepot("141002");
        String tag = etag("/api/depots/" + depot);
        as(DemoUsers.ADMIN).header("If-Match", tag)
                .body(Map.of("name", "Renamed depot", "county", "141002", "kind", "SITE_STORE"))
                .put("/api/depots/" + depot).then()
                .statusCode(200)
                .body("name", equalTo("Renamed depot"))
                .body("kind", equalTo("SITE_STORE"));
        as(DemoUsers.ADMIN).header("If-Match", tag)
                .body(Map.of("name", "Stale", "county", "141002", "kind", "SITE_STORE"))
                .put("/api/depots/" + depot).then().statusCode(412);
        as(DemoUsers.ADMIN).header("If-Match", etag("/api/depots/" + depot))
                .body(Map.of("name", "Nowhere", "county", "999999", "kind", "SITE_STORE"))
                .put("/api/depots/" + depot).then().statusCode(404);

        as(DemoUsers.ADMIN).delete("/api/depots/" + depot).then().statusCode(200);
        as(DemoUsers.ADMIN).queryParam("size", 500).get("/api/depots").then().body("items.code", not(hasItem(depot)));
        as(DemoUsers.ADMIN).get("/api/depots/" + depot).then().statusCode(200).body("retiredAt", notNullValue());
        as(DemoUsers.WAREHOUSE).body(Map.of("type", "RECEIPT", "depot", depot, "item", "MASK-N95", "quantity", 5,
                        "lot", "L1", "expiresOn", ServiceClock.today().plusYears(1).toString()))
                .post("/api/stock/movements").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/retired"));
    }
}
