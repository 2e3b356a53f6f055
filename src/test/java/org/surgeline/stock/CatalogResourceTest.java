package org.surgeline.stock;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.stock.StockFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

@QuarkusTest
class CatalogResourceTest {

    private static Map<String, Object> item(String code) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Face shield", "unit", "piece",
                "category", "PPE", "parcelSize", 50, "shelfLifeDays", 1095, "dailyUsePer10k", 5.5));
        return body;
    }

    @Test
    void demoCatalogAndDepotsAreLoaded() {
        as(officerOf("141002")).get("/api/items").then()
                .statusCode(200)
                .body("items.code", hasItems("MASK-N95", "SUIT-PROT", "KIT-PCR", "SWAB", "DISINF-84"));
        as(DemoUsers.WAREHOUSE).get("/api/depots").then()
                .statusCode(200)
                .body("items.code", hasItems("LF-RESERVE", "WH-141002", "WH-LFEDZ"));
    }

    @Test
    void adminAddsAnItemWithLocation() {
        String code = unique("SHIELD");
        as(DemoUsers.ADMIN).body(item(code)).post("/api/items").then()
                .statusCode(201)
                .header("Location", endsWith("/api/items/" + code))
                .body("parcelSize", equalTo(50))
                .body("updatedBy", equalTo("admin"));
        as(DemoUsers.WAREHOUSE).get("/api/items/" + code).then().statusCode(200).body("name", equalTo("Face shield"));
        as(DemoUsers.ADMIN).body(item(code)).post("/api/items").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/duplicate"));
    }

    @Test
    void invalidItemsAre400WithEveryField() {
        Map<String, Object> bad = item("lower case");
        bad.put("category", "FOOD");
        as(DemoUsers.ADMIN).body(bad).post("/api/items").then()
                .statusCode(400)
                .body("errors.field", hasItem("category"));
        bad = item(unique("BAD"));
        bad.put("parcelSize", 0);
        bad.put("dailyUsePer10k", -1);
        bad.remove("unit");
        as(DemoUsers.ADMIN).body(bad).post("/api/items").then()
                .statusCode(400)
                .body("errors.field", hasItems("parcelSize", "dailyUsePer10k", "unit"));
        as(DemoUsers.ADMIN).get("/api/items").then().body("items.code", not(hasItem(bad.get("code"))));
    }

    @Test
    void onlyAdminsChangeTheCatalog() {
        as(DemoUsers.WAREHOUSE).body(item(unique("X"))).post("/api/items").then().statusCode(403);
        as(officerOf("141002")).body(Map.of("code", unique("X"), "name", "x", "county", "141002",
                "kind", "SITE_STORE")).post("/api/depots").then().statusCode(403);
    }

    @Test
    void aDepotNeedsAKnownCounty() {
        as(DemoUsers.ADMIN).body(Map.of("code", unique("D"), "name", "Nowhere", "county", "999999",
                "kind", "SITE_STORE")).post("/api/depots").then()
                .statusCode(404)
                .body("detail", org.hamcrest.Matchers.containsString("999999"));
    }

    @Test
    void officersSeeTheirOwnCountysDepotsOnly() {
        as(officerOf("141024")).get("/api/depots").then()
                .statusCode(200)
                .body("items.county", everyItem(equalTo("141024")))
                .body("items.code", hasItem("WH-141024"));
        as(officerOf("141024")).get("/api/depots/WH-141002").then()
                .statusCode(404)
                .body("type", equalTo("https://surgeline.org/problems/not-found"));
        as(officerOf("141024")).get("/api/depots/WH-141002/stock").then().statusCode(404);
        as(officerOf("141024")).get("/api/depots/WH-141024/stock").then()
                .statusCode(200)
                .body("item", hasItem("SWAB"));
    }

    @Test
    void createIsIdempotent() {
        String code = unique("IDEM");
        Map<String, Object> body = item(code);
        int first = as(DemoUsers.ADMIN).header("Idempotency-Key", code).body(body).post("/api/items").then()
                .statusCode(201).extract().path("parcelSize");
        as(DemoUsers.ADMIN).header("Idempotency-Key", code).body(body).post("/api/items").then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/items/" + code))
                .body("parcelSize", equalTo(first));
        body.put("name", "Another");
        as(DemoUsers.ADMIN).header("Idempotency-Key", code).body(body).post("/api/items").then()
                .statusCode(422)
                .body("type", equalTo("https://surgeline.org/problems/idempotency-key-reused"));
    }
}
