package org.surgeline.region;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.surgeline.DemoUsers;

@QuarkusTest
class TravelTimeResourceTest {

    @Test
    void derivedTimesFollowDistanceRoadFactorAndSpeed() {
        // Yaodu to Hongtong is about 20 km as the crow flies: 20 x 1.3 / 60 km/h = about 26 minutes.
        as(officerOf("141002")).queryParam("from", "141002").queryParam("to", "141024")
                .get("/api/travel-times").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].source", equalTo("DERIVED"))
                .body("[0].distanceKm", allOf(greaterThan(15f), lessThan(25f)))
                .body("[0].minutes", allOf(greaterThan(18), lessThan(35)));
    }

    @Test
    void theMatrixHoldsEveryOrderedPairOfDistinctCounties() {
        as(DemoUsers.WAREHOUSE).get("/api/travel-times").then()
                .statusCode(200)
                .body("$", hasSize(18 * 17))
                .body("minutes", everyItem(greaterThan(0)));
        as(DemoUsers.WAREHOUSE).queryParam("from", "141028").get("/api/travel-times").then()
                .body("$", hasSize(17))
                .body("from", everyItem(equalTo("141028")));
    }

    @Test
    void unknownCountyInAFilterIs404() {
        as(DemoUsers.WAREHOUSE).queryParam("to", "999999").get("/api/travel-times").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anOverrideAppliesToOneDirectionUntilRemoved() {
        as(DemoUsers.SCHEDULER).body("{\"minutes\": 240}").put("/api/travel-times/141028/141030").then()
                .statusCode(200)
                .body("minutes", equalTo(240))
                .body("source", equalTo("OVERRIDE"));
        as(DemoUsers.ADMIN).queryParam("from", "141028").queryParam("to", "141030").get("/api/travel-times")
                .then().body("[0].minutes", equalTo(240));
        as(DemoUsers.ADMIN).queryParam("from", "141030").queryParam("to", "141028").get("/api/travel-times")
                .then().body("[0].source", equalTo("DERIVED"));

        as(DemoUsers.SCHEDULER).delete("/api/travel-times/141028/141030").then()
                .statusCode(200)
                .body("source", equalTo("DERIVED"));
        as(DemoUsers.SCHEDULER).delete("/api/travel-times/141028/141030").then()
                .statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"minutes\": 0}", "{\"minutes\": -5}", "{\"minutes\": 1441}", "{}",
            "{\"minutes\": 12.5}", "{\"minutes\": \"ten\"}"})
    void badMinutesAre400NamingTheField(String body) {
        as(DemoUsers.ADMIN).body(body).put("/api/travel-times/141002/141021").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("minutes"));
        as(DemoUsers.ADMIN).queryParam("from", "141002").queryParam("to", "141021").get("/api/travel-times")
                .then().body("[0].source", equalTo("DERIVED"));
    }

    @Test
    void sameCountyTwiceIs400AndUnknownCountyIs404() {
        as(DemoUsers.ADMIN).body("{\"minutes\": 10}").put("/api/travel-times/141002/141002").then()
                .statusCode(400)
                .body("type", equalTo("https://surgeline.org/problems/same-county"));
        as(DemoUsers.ADMIN).body("{\"minutes\": 10}").put("/api/travel-times/141002/999999").then()
                .statusCode(404);
    }

    @Test
    void onlySchedulersAndAdminsOverride() {
        as(DemoUsers.WAREHOUSE).body("{\"minutes\": 10}").put("/api/travel-times/141002/141021").then()
                .statusCode(403);
        as(officerOf("141002")).body("{\"minutes\": 10}").put("/api/travel-times/141002/141021").then()
                .statusCode(403);
    }
}
