package org.surgeline.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * The city reserve (LF-RESERVE, kind CITY_RESERVE, located in Yaodu 141002) belongs to no county:
 * Yaodu's officer does not read it, and Yaodu's totals and days of cover leave it out; the city row
 * shows it.
 */
@QuarkusTest
class CityReserveTest {

    static final String YAODU = "141002";

    @Test
    void yaodusOfficerDoesNotReadTheCityReserve() {
        as(officerOf(YAODU)).get("/api/depots/LF-RESERVE").then().statusCode(404)
                .body("type", equalTo("https://surgeline.org/problems/not-found"));
        as(officerOf(YAODU)).get("/api/depots/LF-RESERVE/stock").then().statusCode(404);
        String depots = as(officerOf(YAODU)).get("/api/depots").then().statusCode(200).extract().asString();
        assertThat(depots).contains("WH-141002").doesNotContain("LF-RESERVE");
        as(officerOf(YAODU)).queryParam("depot", "LF-RESERVE").get("/api/stock/movements").then().statusCode(404);
        String movements = as(officerOf(YAODU)).queryParam("size", 500).get("/api/stock/movements").then()
                .statusCode(200).extract().asString();
        assertThat(movements).doesNotContain("LF-RESERVE");
        long reserveMovement = as(DemoUsers.ADMIN).queryParam("depot", "LF-RESERVE").get("/api/stock/movements")
                .jsonPath().getLong("items[0].id");
        as(officerOf(YAODU)).get("/api/stock/movements/" + reserveMovement).then().statusCode(404);
        as(officerOf(YAODU)).get("/api/stock/alerts").then().statusCode(200)
                .body("depot", not(hasItem("LF-RESERVE")));
        // Schedulers still read it.
        as(DemoUsers.SCHEDULER).get("/api/depots/LF-RESERVE").then().statusCode(200);
    }

    @Test
    void countyTotalsLeaveTheCityReserveOutAndTheCityRowShowsIt() {
        long warehouse = onHand("WH-141002", "SWAB");
        long reserve = onHand("LF-RESERVE", "SWAB");
        assertThat(reserve).isPositive();

        JsonPath own = as(officerOf(YAODU)).queryParam("item", "SWAB").get("/api/stock").then().statusCode(200)
                .body("county", everyItem(equalTo(YAODU)))
                .extract().jsonPath();
        assertEquals(warehouse, own.getLong("[0].onHand"), "Yaodu's total is Yaodu's warehouse only");
        assertThat(own.getList("[0].depots.depot", String.class)).containsExactly("WH-141002");
        double dailyUse = own.getDouble("[0].dailyUse");
        double expectedDays = Math.floor((warehouse - own.getLong("[0].reserved")) / dailyUse * 10) / 10.0;
        assertEquals(expectedDays, own.getDouble("[0].daysOfCover"), 0.001);

        List<Map<String, Object>> city = as(DemoUsers.SCHEDULER).queryParam("item", "SWAB").get("/api/stock")
                .jsonPath().getList("findAll { it.level == 'CITY' }");
        assertEquals(1, city.size());
        assertThat(city.get(0).get("county")).isNull();
        assertEquals(reserve, ((Number) city.get(0).get("onHand")).longValue(), "the city row holds the city reserve");
        assertThat((List<?>) city.get(0).get("depots")).hasSize(1);
        as(DemoUsers.SCHEDULER).queryParam("item", "SWAB").queryParam("county", YAODU).get("/api/stock").then()
                .body("[0].onHand", equalTo((int) warehouse)).body("size()", equalTo(1));
    }

    private static long onHand(String depot, String item) {
        return as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .getLong("find { it.item == '" + item + "' }.onHand");
    }
}
