package org.surgeline.stock;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.stock.StockFixtures.balance;
import static org.surgeline.stock.StockFixtures.movementCount;
import static org.surgeline.stock.StockFixtures.newDepot;
import static org.surgeline.stock.StockFixtures.newItem;
import static org.surgeline.stock.StockFixtures.receive;
import static org.surgeline.stock.StockFixtures.setFloor;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.surgeline.ServiceClock;
import org.surgeline.DemoUsers;

/**
 * Adjustments cannot do what an issue may not: a stock-reducing adjustment obeys the reserve
 * floor, and a large adjustment (over {@code surgeline.stock.adjustment-approval-threshold},
 * 1,000 units by default) needs a second person's approval unless an admin makes it.
 */
@QuarkusTest
class AdjustmentControlTest {

    private String depot;
    private String item;

    @BeforeEach
    void freshStock() {
        depot = newDepot("141022");
        item = newItem();
        receive(depot, item, 3_000, "A-1", ServiceClock.today().plusDays(200));
    }

    private long onHand() {
        return ((Number) balance(depot, item).get("onHand")).longValue();
    }

    private Map<String, Object> adjustment(String reason, long quantity) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "ADJUSTMENT", "reason", reason, "depot", depot,
                "item", item, "quantity", quantity));
        if (reason.equals("COUNT_SURPLUS")) {
            body.put("lot", "A-1");
        }
        return body;
    }

    @Test
    void aStockReducingAdjustmentObeysTheReserveFloor() {
        setFloor(depot, item, 2_800);
        int before = movementCount(depot, item);
        as(DemoUsers.WAREHOUSE).body(adjustment("DAMAGE", 300)).post("/api/stock/movements").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/reserve-floor"));
        Map<String, Object> overridden = adjustment("DAMAGE", 300);
        overridden.put("floorOverride", "water damage confirmed on site");
        as(DemoUsers.WAREHOUSE).body(overridden).post("/api/stock/movements").then().statusCode(403);
        assertEquals(before, movementCount(depot, item));
        assertEquals(3_000, onHand());
        as(DemoUsers.ADMIN).body(overridden).post("/api/stock/movements").then().statusCode(201)
                .body("movements[0].floorOverride", startsWith("water damage"));
        assertEquals(2_700, onHand());
        // Adding stock never crosses a floor.
        as(DemoUsers.WAREHOUSE).body(adjustment("COUNT_SURPLUS", 10)).post("/api/stock/movements").then()
                .statusCode(201);
    }

    @Test
    void aLargeAdjustmentWaitsForASecondPerson() {
        int before = movementCount(depot, item);
        long pending = as(DemoUsers.WAREHOUSE).body(adjustment("COUNT_SURPLUS", 2_000)).post("/api/stock/movements")
                .then().statusCode(202)
                .body("state", equalTo("PENDING"))
                .body("requestedBy", equalTo("warehouse"))
                .extract().jsonPath().getLong("id");
        assertEquals(before, movementCount(depot, item), "nothing recorded before approval");
        assertEquals(3_000, onHand());
        as(DemoUsers.WAREHOUSE).post("/api/stock/adjustments/" + pending + "/approve").then().statusCode(403);
        as(DemoUsers.SCHEDULER).get("/api/stock/adjustments?state=PENDING").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) pending))
                .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("PENDING")));
        as(DemoUsers.SCHEDULER).post("/api/stock/adjustments/" + pending + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("decidedBy", equalTo("scheduler"));
        assertEquals(5_000, onHand());
        as(DemoUsers.SCHEDULER).post("/api/stock/adjustments/" + pending + "/approve").then().statusCode(409);

        long rejected = as(DemoUsers.WAREHOUSE).body(adjustment("DAMAGE", 1_500)).post("/api/stock/movements")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).body(Map.of()).post("/api/stock/adjustments/" + rejected + "/reject").then()
                .statusCode(400);
        as(DemoUsers.SCHEDULER).body(Map.of("reason", "recount first")).post("/api/stock/adjustments/" + rejected
                + "/reject").then().statusCode(200).body("state", equalTo("REJECTED"));
        assertEquals(5_000, onHand());

        // An admin's large adjustment needs no second person.
        as(DemoUsers.ADMIN).body(adjustment("DAMAGE", 1_500)).post("/api/stock/movements").then().statusCode(201);
        assertEquals(3_500, onHand());
        as(officerOf()).get("/api/stock/adjustments/" + pending).then().statusCode(403);
    }

    private static String officerOf() {
        return DemoUsers.officerOf("141022");
    }
}
