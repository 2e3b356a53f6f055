package org.surgeline.stock;

import static org.surgeline.DemoUsers.as;

import java.time.LocalDate;
import java.util.Map;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

/** Fresh items and depots per test over the API, so tests sharing one database never meet. */
final class StockFixtures {

    private StockFixtures() {
    }

    static String unique(String prefix) {
        return TestNames.unique(prefix);
    }

    /** An item used at 100 units per 10,000 people a day, shipping in parcels of 10. */
    static String newItem() {
        String code = unique("T-ITEM");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Test item " + code, "unit", "piece",
                        "category", "PPE", "parcelSize", 10, "shelfLifeDays", 365, "dailyUsePer10k", 100))
                .post("/api/items").then().statusCode(201);
        return code;
    }

    static String newDepot(String county) {
        String code = unique("T-DEPOT");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Test depot " + code, "county", county,
                        "kind", "COUNTY_WAREHOUSE"))
                .post("/api/depots").then().statusCode(201);
        return code;
    }

    static void receive(String depot, String item, long quantity, String lot, LocalDate expiresOn) {
        as(DemoUsers.WAREHOUSE).body(Map.of("type", "RECEIPT", "depot", depot, "item", item, "quantity", quantity,
                        "lot", lot, "expiresOn", expiresOn.toString()))
                .post("/api/stock/movements").then().statusCode(201);
    }

    static void setFloor(String depot, String item, long floor) {
        as(DemoUsers.SCHEDULER).body(Map.of("reserveFloor", floor))
                .put("/api/depots/" + depot + "/stock/" + item + "/reserve-floor").then().statusCode(200);
    }

    /** The balance row of one item at one depot, as GET /api/depots/{code}/stock shows it. */
    static Map<String, Object> balance(String depot, String item) {
        return as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .getMap("find { it.item == '" + item + "' }");
    }

    static int movementCount(String depot, String item) {
        return as(DemoUsers.ADMIN).queryParam("depot", depot).queryParam("item", item)
                .get("/api/stock/movements").jsonPath().getInt("total");
    }
}
