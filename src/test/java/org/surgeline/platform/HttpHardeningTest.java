package org.surgeline.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** Headers and cookies of /api responses, on a sample of endpoints and outcomes. */
@QuarkusTest
class HttpHardeningTest {

    @Test
    void apiResponsesAreNeitherCachedNorSniffed() {
        assertHardened(DemoUsers.as(DemoUsers.ADMIN).get("/api/counties").then().statusCode(200));
        assertHardened(DemoUsers.as(DemoUsers.officerOf("141024")).get("/api/stock/alerts").then().statusCode(200));
        assertHardened(DemoUsers.as(DemoUsers.ADMIN).get("/api/depots/NO-SUCH").then().statusCode(404));
        assertHardened(DemoUsers.as(DemoUsers.WAREHOUSE).body(Map.of("type", "ISSUE"))
                .post("/api/stock/movements").then().statusCode(400));
        assertHardened(DemoUsers.anonymous().get("/api/items").then().statusCode(401));
        assertHardened(DemoUsers.as(DemoUsers.ROLELESS).get("/api/items").then().statusCode(403));
    }

    /** A cross-site form post carries the browser's cookies, never its Authorization header. */
    @Test
    void aSessionCookieNeverAuthenticates() {
        given().cookie("q_session", "anything").cookie("quarkus-credential", "anything")
                .cookie("JSESSIONID", "anything").contentType("application/x-www-form-urlencoded")
                .post("/api/plans/rebalance").then().statusCode(401);
        DemoUsers.as(DemoUsers.ADMIN).get("/api/counties").then().statusCode(200)
                .header("Set-Cookie", nullValue());
    }

    @Test
    void corsIsClosedUnlessOriginsAreConfigured() {
        given().header("Origin", "https://evil.example.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/allocation-requests").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
        DemoUsers.as(DemoUsers.ADMIN).header("Origin", "https://evil.example.org").get("/api/counties").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    private static void assertHardened(ValidatableResponse response) {
        response.header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
