package org.surgeline.stock;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.stock.StockFixtures.balance;
import static org.surgeline.stock.StockFixtures.newDepot;
import static org.surgeline.stock.StockFixtures.newItem;
import static org.surgeline.stock.StockFixtures.receive;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.MovableClock;

/**
 * Expired lots are never issued, reserved, shipped or counted as available; they raise an EXPIRED
 * alert and leave through an EXPIRY adjustment. The application's clock is moved past the expiry.
 */
@QuarkusTest
class ExpiredStockTest {

    private static final String COUNTY = "141034";

    @Inject
    MovableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static long field(String depot, String item, String name) {
        return ((Number) balance(depot, item).get(name)).longValue();
    }

    private static Map<String, Object> movement(String type, String depot, String item, long quantity) {
        return new java.util.HashMap<>(Map.of("type", type, "depot", depot, "item", item, "quantity", quantity));
    }

    @Test
    void expiredLotsAreNeitherAvailableNorIssuedAndLeaveByAnExpiryAdjustment() {
        String depot = newDepot(COUNTY);
        String item = newItem();
        LocalDate today = LocalDate.now(clock);
        receive(depot, item, 100, "OLD", today.plusDays(10));
        receive(depot, item, 50, "NEW", today.plusDays(300));
        long request = as(DemoUsers.officerOf(COUNTY)).body(Map.of("priority", "URGENT", "neededBy",
                today.plusDays(20).toString(), "lines", List.of(Map.of("kind", "SUPPLY", "item", item, "quantity", 100))))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/approve").then().statusCode(200);
        long shipment = as(DemoUsers.WAREHOUSE).body(Map.of("requestId", request, "lineNo", 1, "fromDepot", depot,
                "quantity", 100)).post("/api/shipments").then().statusCode(201).extract().jsonPath().getLong("id");

        clock.moveAhead(Duration.ofDays(10));
        // The shipment's reservation was made of stock that has since expired: it cannot leave.
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/insufficient-stock"));
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/cancel").then().statusCode(200);

        assertEquals(150, field(depot, item, "onHand"));
        assertEquals(50, field(depot, item, "available"), "the expired lot is not available");
        as(DemoUsers.WAREHOUSE).body(movement("ISSUE", depot, item, 60)).post("/api/stock/movements").then()
                .statusCode(409).body("type", equalTo("https://surgeline.org/problems/insufficient-stock"));
        as(DemoUsers.WAREHOUSE).body(Map.of("depot", depot, "item", item, "quantity", 51, "reference", "hold"))
                .post("/api/stock/reservations").then().statusCode(409);
        Map<String, Object> named = movement("ISSUE", depot, item, 5);
        named.put("lot", "OLD");
        as(DemoUsers.WAREHOUSE).body(named).post("/api/stock/movements").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/lot-expired"));
        as(DemoUsers.WAREHOUSE).body(movement("ISSUE", depot, item, 10)).post("/api/stock/movements").then()
                .statusCode(201).body("movements[0].lot", equalTo("NEW"));

        List<Map<String, Object>> alerts = as(DemoUsers.ADMIN).queryParam("county", COUNTY).get("/api/stock/alerts")
                .jsonPath().getList("findAll { it.depot == '" + depot + "' && it.kind == 'EXPIRED' }");
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals("OLD", alerts.get(0).get("lot"));
        double cover = as(DemoUsers.ADMIN).queryParam("county", COUNTY).queryParam("item", item).get("/api/stock")
                .jsonPath().getDouble("[0].available");
        assertEquals(40, cover, "county totals count only what has not expired");

        Map<String, Object> expiry = movement("ADJUSTMENT", depot, item, 100);
        expiry.put("reason", "EXPIRY");
        as(DemoUsers.WAREHOUSE).body(expiry).post("/api/stock/movements").then().statusCode(201)
                .body("movements[0].lot", equalTo("OLD"));
        assertEquals(40, field(depot, item, "onHand"));
        assertEquals(40, field(depot, item, "available"));
        assertTrue(as(DemoUsers.ADMIN).queryParam("county", COUNTY).get("/api/stock/alerts").jsonPath()
                .getList("findAll { it.depot == '" + depot + "' && it.kind == 'EXPIRED' }").isEmpty());
    }
}
