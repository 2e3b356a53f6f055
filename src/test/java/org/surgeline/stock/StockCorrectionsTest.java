package org.surgeline.stock;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.stock.StockFixtures.balance;
import static org.surgeline.stock.StockFixtures.movementCount;
import static org.surgeline.stock.StockFixtures.newDepot;
import static org.surgeline.stock.StockFixtures.newItem;
import static org.surgeline.stock.StockFixtures.receive;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.surgeline.ServiceClock;
import org.surgeline.DemoUsers;

/** Adjustments answer the right problem and refuse fields they would ignore. */
@QuarkusTest
class StockCorrectionsTest {

    private String depot;
    private String item;

    @BeforeEach
    void freshStock() {
        depot = newDepot("141021");
        item = newItem();
        receive(depot, item, 100, "C-1", ServiceClock.today().plusDays(90));
    }

    private Map<String, Object> adjustment(String reason, long quantity) {
        return new HashMap<>(Map.of("type", "ADJUSTMENT", "reason", reason, "depot", depot, "item", item,
                "quantity", quantity));
    }

    @Test
    void removingMoreThanIsOnHandIsInsufficientStock() {
        as(DemoUsers.WAREHOUSE).body(adjustment("DAMAGE", 101)).post("/api/stock/movements").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/insufficient-stock"));
        as(DemoUsers.WAREHOUSE).body(Map.of("depot", depot, "item", item, "quantity", 60, "reference", "hold"))
                .post("/api/stock/reservations").then().statusCode(201);
        as(DemoUsers.WAREHOUSE).body(adjustment("DAMAGE", 50)).post("/api/stock/movements").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/reserved-stock"));
    }

    @Test
    void anExpiryOnAMovementThatBringsNothingInIsRefused() {
        int before = movementCount(depot, item);
        Map<String, Object> damage = adjustment("DAMAGE", 5);
        damage.put("expiresOn", ServiceClock.today().plusDays(30).toString());
        as(DemoUsers.WAREHOUSE).body(damage).post("/api/stock/movements").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresOn"));
        Map<String, Object> transfer = new HashMap<>(Map.of("type", "TRANSFER", "depot", depot, "toDepot",
                newDepot("141021"), "item", item, "quantity", 5, "expiresOn", ServiceClock.today().plusDays(30).toString()));
        as(DemoUsers.WAREHOUSE).body(transfer).post("/api/stock/movements").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresOn"));
        assertEquals(before, movementCount(depot, item));
        assertEquals(100L, ((Number) balance(depot, item).get("onHand")).longValue());
    }
}
