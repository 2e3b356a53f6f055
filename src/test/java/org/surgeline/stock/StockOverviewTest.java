package org.surgeline.stock;

import org.surgeline.ServiceClock;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.stock.StockFixtures.newDepot;
import static org.surgeline.stock.StockFixtures.newItem;
import static org.surgeline.stock.StockFixtures.receive;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

@QuarkusTest
class StockOverviewTest {

    @Test
    void daysOfCoverIsAvailableStockOverTheCountysDailyUse() {
        // LFEDZ: 76,000 people x 100 per 10,000 a day = 760 a day.
        String item = newItem();
        String depot = newDepot("LFEDZ");
        receive(depot, item, 7_600, "L1", ServiceClock.today().plusDays(200));
        as(officerOf("LFEDZ")).queryParam("item", item).get("/api/stock").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].county", equalTo("LFEDZ"))
                .body("[0].onHand", equalTo(7600))
                .body("[0].dailyUse", equalTo(760.0f))
                .body("[0].daysOfCover", equalTo(10.0f))
                .body("[0].depots.depot", hasItem(depot));

        as(DemoUsers.SCHEDULER).body(Map.of("depot", depot, "item", item, "quantity", 3_800, "reference", "R"))
                .post("/api/stock/reservations").then().statusCode(201);
        as(DemoUsers.ADMIN).queryParam("county", "LFEDZ").queryParam("item", item).get("/api/stock").then()
                .body("[0].available", equalTo(3800))
                .body("[0].daysOfCover", equalTo(5.0f));
        JsonPath alerts = as(officerOf("LFEDZ")).get("/api/stock/alerts").jsonPath();
        assertEquals(1, alerts.getList("findAll { it.kind == 'PROJECTED_STOCKOUT' && it.item == '" + item + "' }")
                .size());
    }

    @Test
    void aCountyWithNoStockOfAnItemReportsZero() {
        String item = newItem();
        as(DemoUsers.ADMIN).queryParam("county", "141030").queryParam("item", item).get("/api/stock").then()
                .statusCode(200)
                .body("[0].onHand", equalTo(0))
                .body("[0].daysOfCover", equalTo(0.0f))
                .body("[0].depots", hasSize(0));
    }

    @Test
    void theDemoDataRaisesEachKindOfAlert() {
        JsonPath alerts = as(DemoUsers.ADMIN).get("/api/stock/alerts").jsonPath();
        assertEquals("WH-141024", alerts.getString(
                "find { it.kind == 'BELOW_FLOOR' && it.item == 'SWAB' && it.county == '141024' }.depot"));
        assertEquals("141024", alerts.getString(
                "find { it.kind == 'PROJECTED_STOCKOUT' && it.item == 'SWAB' && it.county == '141024' }.county"));
        assertEquals("L-SHORT-01", alerts.getString("find { it.kind == 'EXPIRING' && it.depot == 'WH-141028' }.lot"));
    }

    @Test
    void officersSeeTheirOwnCountyOnly() {
        as(officerOf("141024")).get("/api/stock").then()
                .statusCode(200)
                .body("county", everyItem(equalTo("141024")));
        as(officerOf("141024")).queryParam("county", "141002").get("/api/stock").then().statusCode(404);
        as(officerOf("141024")).get("/api/stock/alerts").then()
                .statusCode(200)
                .body("county", everyItem(equalTo("141024")));
        as(officerOf("141024")).queryParam("county", "141002").get("/api/stock/alerts").then().statusCode(404);
        as(DemoUsers.ADMIN).queryParam("county", "999999").get("/api/stock").then().statusCode(404);
        as(DemoUsers.ADMIN).queryParam("item", "NOPE").get("/api/stock").then().statusCode(404);
    }
}
