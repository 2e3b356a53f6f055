package org.surgeline.platform;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.surgeline.DemoUsers;

/** Every list answers one page envelope, bounded, in a stable order, and a page past 2^31 items is a 400. */
@QuarkusTest
class PagingTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/plans", "/api/shipments", "/api/teams", "/api/isolation/sites", "/api/labs",
            "/api/depots", "/api/items", "/api/allocation-requests", "/api/stock/movements"})
    void aListIsOnePageOfAStableOrder(String list) {
        JsonPath firstFour = page(list, 0, 4);
        long total = firstFour.getLong("total");
        List<Map<String, Object>> pagedByTwo = new ArrayList<>(page(list, 0, 2).getList("items"));
        pagedByTwo.addAll(page(list, 1, 2).getList("items"));
        assertEquals(firstFour.getList("items"), pagedByTwo, "pages of 2 are the page of 4, cut in two");
        assertEquals(Math.min(total, 4), firstFour.getList("items").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/plans", "/api/shipments", "/api/teams", "/api/isolation/sites", "/api/labs",
            "/api/depots", "/api/items", "/api/allocation-requests", "/api/stock/movements"})
    void pageAndSizeAreBounded(String list) {
        DemoUsers.as(DemoUsers.ADMIN).queryParam("size", 501).get(list).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        DemoUsers.as(DemoUsers.ADMIN).queryParam("page", -1).get(list).then().statusCode(400);
        DemoUsers.as(DemoUsers.ADMIN).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get(list).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/validation")).body("errors[0].field", equalTo("page"));
        DemoUsers.as(DemoUsers.ADMIN).get(list).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(50)).body("items.size()", lessThanOrEqualTo(50));
    }

    private static JsonPath page(String list, int page, int size) {
        return DemoUsers.as(DemoUsers.ADMIN).queryParam("page", page).queryParam("size", size).get(list).then()
                .statusCode(200).body("page", equalTo(page)).body("size", equalTo(size))
                .extract().jsonPath();
    }
}
