package org.surgeline.request;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.request.RequestFixtures.approved;
import static org.surgeline.request.RequestFixtures.shipped;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** A county asks, the city approves and ships from its reserve, the county confirms delivery. */
@QuarkusTest
class FulfilmentTest {

    private static final String RESERVE = "LF-RESERVE";
    private static final String KITS = "KIT-PCR";

    private static long onHand(String depot, String item) {
        return as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .getLong("find { it.item == '" + item + "' }.onHand");
    }

    private static long reserved(String depot, String item) {
        return as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .getLong("find { it.item == '" + item + "' }.reserved");
    }

    @Test
    void fiveThousandTestKitsFromRequestToDelivery() {
        long reserveBefore = onHand(RESERVE, KITS);
        long reservedBefore = reserved(RESERVE, KITS);
        long countyBefore = onHand("WH-141027", KITS);

        long request = approved("141027", KITS, 5_000);
        long shipment = shipped(request, RESERVE, 5_000);
        as(officerOf("141027")).get("/api/allocation-requests/" + request).then()
                .body("status", equalTo("PLANNED"))
                .body("lines[0].quantityPlanned", equalTo(5000));
        assertEquals(reservedBefore + 5_000, reserved(RESERVE, KITS));
        assertEquals(reserveBefore, onHand(RESERVE, KITS), "planning holds the stock, it does not move it");

        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then()
                .statusCode(200)
                .body("state", equalTo("DISPATCHED"))
                .body("lots.quantity.sum()", equalTo(5000));
        assertEquals(reserveBefore - 5_000, onHand(RESERVE, KITS));
        assertEquals(reservedBefore, reserved(RESERVE, KITS), "the reservation is consumed");
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(409);

        as(officerOf("141027")).post("/api/shipments/" + shipment + "/deliver").then()
                .statusCode(200)
                .body("state", equalTo("DELIVERED"))
                .body("toDepot", equalTo("WH-141027"));
        as(officerOf("141027")).post("/api/shipments/" + shipment + "/deliver").then().statusCode(409);

        assertEquals(reserveBefore - 5_000, onHand(RESERVE, KITS), "moved out exactly once");
        assertEquals(countyBefore + 5_000, onHand("WH-141027", KITS), "booked in exactly once");
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then()
                .body("status", equalTo("FULFILLED"))
                .body("lines[0].quantityDispatched", equalTo(5000))
                .body("lines[0].quantityDelivered", equalTo(5000));
        List<String> types = as(DemoUsers.ADMIN).queryParam("item", KITS).queryParam("size", 500)
                .get("/api/stock/movements").jsonPath()
                .getList("items.findAll { it.reference == 'shipment:" + shipment + "' }.type");
        assertEquals(1, types.stream().filter("RESERVE"::equals).count());
        assertEquals(1, types.stream().filter("RELEASE"::equals).count());
        assertEquals(types.stream().filter("TRANSFER_OUT"::equals).count(),
                types.stream().filter("TRANSFER_IN"::equals).count());
    }

    @Test
    void cancellingAPlannedRequestReleasesItsReservation() {
        long reservedBefore = reserved(RESERVE, "SWAB");
        long request = approved("141027", "SWAB", 20_000);
        long shipment = shipped(request, RESERVE, 20_000);
        assertEquals(reservedBefore + 20_000, reserved(RESERVE, "SWAB"));
        as(officerOf("141027")).body(Map.of("note", "covered locally")).post("/api/allocation-requests/" + request + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("lines[0].quantityPlanned", equalTo(0));
        assertEquals(reservedBefore, reserved(RESERVE, "SWAB"));
        as(DemoUsers.ADMIN).get("/api/shipments/" + shipment).then().body("state", equalTo("CANCELLED"));
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(409);
    }

    @Test
    void aShipmentCannotExceedTheLineNorTheStock() {
        long request = approved("141028", "SUIT-PROT", 300);
        as(DemoUsers.WAREHOUSE).body(Map.of("requestId", request, "lineNo", 1, "fromDepot", RESERVE, "quantity", 301))
                .post("/api/shipments").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/over-requested"));
        long part = shipped(request, RESERVE, 200);
        as(DemoUsers.WAREHOUSE).body(Map.of("requestId", request, "lineNo", 1, "fromDepot", RESERVE, "quantity", 101))
                .post("/api/shipments").then().statusCode(409);
        as(DemoUsers.WAREHOUSE).body(Map.of("requestId", request, "lineNo", 2, "fromDepot", RESERVE, "quantity", 1))
                .post("/api/shipments").then().statusCode(404);
        as(DemoUsers.WAREHOUSE).body(Map.of("requestId", request, "lineNo", 1, "fromDepot", "NOWHERE", "quantity", 1))
                .post("/api/shipments").then().statusCode(404);
        // The Hongtong warehouse is below its swab floor: a direct shipment from it is refused.
        long swabs = approved("141028", "SWAB", 10);
        as(DemoUsers.WAREHOUSE).body(Map.of("requestId", swabs, "lineNo", 1, "fromDepot", "WH-141024", "quantity", 10))
                .post("/api/shipments").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/reserve-floor"));
        // Only admins and schedulers override a floor.
        as(DemoUsers.WAREHOUSE).body(Map.of("requestId", swabs, "lineNo", 1, "fromDepot", "WH-141024", "quantity", 10,
                "floorOverride", "not mine to give")).post("/api/shipments").then().statusCode(403);
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + part + "/cancel").then().statusCode(200);
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then().body("lines[0].quantityPlanned", equalTo(0));
        long submittedOnly = RequestFixtures.submitted("141028", "SWAB", 10);
        as(DemoUsers.WAREHOUSE).body(Map.of("requestId", submittedOnly, "lineNo", 1, "fromDepot", RESERVE, "quantity", 10))
                .post("/api/shipments").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/request-not-shippable"));
    }

    @Test
    void aPartlyDeliveredRequestClosesAsPartiallyFulfilled() {
        long request = approved("141029", "GOGGLES", 400);
        long shipment = shipped(request, RESERVE, 100);
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(200);
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/close").then().statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/shipments-open"));
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/deliver").then().statusCode(200);
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then().body("status", equalTo("DISPATCHED"));
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/close").then()
                .statusCode(200).body("status", equalTo("PARTIALLY_FULFILLED"));
        as(DemoUsers.ADMIN).queryParam("request", request).get("/api/shipments").then().body("items", hasSize(1));
    }
}
