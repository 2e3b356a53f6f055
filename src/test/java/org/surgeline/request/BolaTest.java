package org.surgeline.request;

import static org.hamcrest.Matchers.equalTo;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.request.RequestFixtures.approved;
import static org.surgeline.request.RequestFixtures.shipped;
import static org.surgeline.request.RequestFixtures.submitted;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.surgeline.DemoUsers;

/**
 * Broken object-level authorization: an officer of Quwo (141021) acting on Yicheng's (141022)
 * request or shipment gets 404 on every endpoint that officers may call (and 403 on those they
 * may not call at all), and nothing changes.
 */
@QuarkusTest
class BolaTest {

    private static final String INTRUDER = officerOf("141021");
    private long request;
    private long submittedRequest;
    private long shipment;

    @BeforeEach
    void yichengHasARequestAndAShipment() {
        request = approved("141022", "MASK-SURG", 4_000);
        shipment = shipped(request, "LF-RESERVE", 4_000);
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(200);
        submittedRequest = submitted("141022", "SWAB", 100);
    }

    /** Parameters are plain strings: lambdas made by a method source cross Quarkus's class loaders badly. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"read request,404", "cancel request,404", "list the county's requests,404", "read shipment,404",
            "confirm delivery,404", "list the county's shipments,404", "approve,403", "reject,403", "close,403",
            "ship,403", "dispatch,403", "cancel shipment,403"})
    void anOfficerOfAnotherCountyIsRefusedAndNothingChanges(String endpoint, int status) {
        call(endpoint).then().statusCode(status).contentType("application/problem+json");
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then().body("status", equalTo("DISPATCHED"));
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + submittedRequest).then().body("status", equalTo("SUBMITTED"));
        as(DemoUsers.ADMIN).get("/api/shipments/" + shipment).then().body("state", equalTo("DISPATCHED"));
    }

    private Response call(String endpoint) {
        return switch (endpoint) {
            case "read request" -> as(INTRUDER).get("/api/allocation-requests/" + request);
            case "cancel request" -> as(INTRUDER).post("/api/allocation-requests/" + submittedRequest + "/cancel");
            case "list the county's requests" -> as(INTRUDER).queryParam("county", "141022").get("/api/allocation-requests");
            case "read shipment" -> as(INTRUDER).get("/api/shipments/" + shipment);
            case "confirm delivery" -> as(INTRUDER).post("/api/shipments/" + shipment + "/deliver");
            case "list the county's shipments" -> as(INTRUDER).queryParam("county", "141022").get("/api/shipments");
            case "approve" -> as(INTRUDER).post("/api/allocation-requests/" + submittedRequest + "/approve");
            case "reject" -> as(INTRUDER).body(Map.of("reason", "x"))
                    .post("/api/allocation-requests/" + submittedRequest + "/reject");
            case "close" -> as(INTRUDER).post("/api/allocation-requests/" + request + "/close");
            case "ship" -> as(INTRUDER).body(Map.of("requestId", request, "lineNo", 1, "fromDepot", "LF-RESERVE",
                    "quantity", 1)).post("/api/shipments");
            case "dispatch" -> as(INTRUDER).post("/api/shipments/" + shipment + "/dispatch");
            case "cancel shipment" -> as(INTRUDER).post("/api/shipments/" + shipment + "/cancel");
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    @Test
    void theOwnCountysOfficerMaySeeAndConfirm() {
        as(officerOf("141022")).get("/api/allocation-requests/" + request).then().statusCode(200);
        as(officerOf("141022")).post("/api/shipments/" + shipment + "/deliver").then()
                .statusCode(200).body("state", equalTo("DELIVERED"));
    }
}
