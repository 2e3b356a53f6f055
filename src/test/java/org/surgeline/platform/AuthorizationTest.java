package org.surgeline.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * Fail closed: a signed-in caller holding none of the four roles (in production, a token of another
 * client of the same identity provider) and an officer bound to no county are refused everywhere.
 */
@QuarkusTest
class AuthorizationTest {

    @Test
    void aCallerWithoutARoleIsRefusedByEveryApiOperation() {
        assertRefusedEverywhere(DemoUsers.ROLELESS);
    }

    @Test
    void anOfficerWithoutACountyIsRefusedByEveryApiOperation() {
        assertRefusedEverywhere(DemoUsers.OFFICER_WITHOUT_COUNTY);
    }

    @Test
    void theOperationListCoversTheApi() {
        List<ApiOperations.Operation> operations = ApiOperations.read().all();
        assertTrue(operations.size() >= 50, "found " + operations.size() + " operations");
        assertTrue(operations.stream().anyMatch(o -> o.toString().equals("GET /api/depots")));
    }

    @Test
    void anOfficerWithACountyStillReadsTheirCounty() {
        DemoUsers.as(DemoUsers.officerOf("141024")).get("/api/depots/WH-141024").then().statusCode(200);
    }

    private static void assertRefusedEverywhere(String user) {
        List<String> open = new ArrayList<>();
        for (ApiOperations.Operation operation : ApiOperations.read().all()) {
            Response response = DemoUsers.as(user).body("{}").request(operation.method(), operation.path());
            if (response.statusCode() != 403 || !response.contentType().startsWith("application/problem+json")) {
                open.add(operation + " answered " + response.statusCode() + " " + response.contentType());
            }
        }
        assertEquals(List.of(), open, "operations that did not refuse " + user);
        DemoUsers.as(user).get("/api/stock/alerts").then().statusCode(403)
                .body("type", endsWith("/forbidden")).body("status", equalTo(403));
    }
}
