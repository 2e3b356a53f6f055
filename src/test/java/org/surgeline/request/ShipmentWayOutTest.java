package org.surgeline.request;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.request.RequestFixtures.approved;
import static org.surgeline.request.RequestFixtures.shipped;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.ServiceClock;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

/**
 * A lot is its name and its expiry date, so a shipment never meets a same-named lot it cannot
 * join; and a dispatched shipment always has a way out: delivered, returned or written off.
 */
@QuarkusTest
class ShipmentWayOutTest {

    private static final String SOURCE = "LF-RESERVE";
    private static final String COUNTY = "141032";

    private static String newItem() {
        String code = TestNames.unique("T-WAY");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Test item " + code, "unit", "piece",
                "category", "PPE", "parcelSize", 10, "shelfLifeDays", 365, "dailyUsePer10k", 1))
                .post("/api/items").then().statusCode(201);
        return code;
    }

    private static void receive(String depot, String item, long quantity, String lot, LocalDate expiresOn) {
        as(DemoUsers.WAREHOUSE).body(Map.of("type", "RECEIPT", "depot", depot, "item", item, "quantity", quantity,
                "lot", lot, "expiresOn", expiresOn.toString())).post("/api/stock/movements").then().statusCode(201);
    }

    private static Map<String, Object> balance(String depot, String item) {
        return as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .getMap("find { it.item == '" + item + "' }");
    }

    private static long onHand(String depot, String item) {
        Map<String, Object> balance = balance(depot, item);
        return balance == null ? 0 : ((Number) balance.get("onHand")).longValue();
    }

    @Test
    void aLotOfTheSameNameWithAnotherExpiryArrivesAsItsOwnLot() {
        String item = newItem();
        LocalDate early = ServiceClock.today().plusDays(100);
        LocalDate late = ServiceClock.today().plusDays(300);
        receive(SOURCE, item, 100, "SAME", early);
        receive("WH-" + COUNTY, item, 10, "SAME", late);
        long request = approved(COUNTY, item, 100);
        long shipment = shipped(request, SOURCE, 100);
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(200);
        as(officerOf(COUNTY)).post("/api/shipments/" + shipment + "/deliver").then().statusCode(200)
                .body("state", equalTo("DELIVERED"));
        List<Map<String, Object>> lots = as(DemoUsers.ADMIN).get("/api/depots/WH-" + COUNTY + "/stock").jsonPath()
                .getList("find { it.item == '" + item + "' }.lots");
        assertEquals(List.of("SAME " + early + " 100", "SAME " + late + " 10"), lots.stream()
                .map(l -> l.get("lot") + " " + l.get("expiresOn") + " " + l.get("quantity")).toList());
        // A receipt names the lot and its expiry; adding to a name held with two expiries needs the date.
        Map<String, Object> surplus = Map.of("type", "ADJUSTMENT", "reason", "COUNT_SURPLUS", "depot", "WH-" + COUNTY,
                "item", item, "quantity", 1, "lot", "SAME");
        as(DemoUsers.WAREHOUSE).body(surplus).post("/api/stock/movements").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresOn"));
        as(DemoUsers.WAREHOUSE).body(Map.of("type", "ISSUE", "depot", "WH-" + COUNTY, "item", item, "quantity", 105,
                "lot", "SAME")).post("/api/stock/movements").then().statusCode(201);
        assertEquals(5, onHand("WH-" + COUNTY, item));
    }

    @Test
    void aDispatchedShipmentIsReturnedToItsSource() {
        String item = newItem();
        receive(SOURCE, item, 100, "R-1", ServiceClock.today().plusDays(200));
        long request = approved(COUNTY, item, 60);
        long shipment = shipped(request, SOURCE, 60);
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(200);
        assertEquals(40, onHand(SOURCE, item));
        as(officerOf(COUNTY)).post("/api/shipments/" + shipment + "/return")
                .then().statusCode(403);
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/return")
                .then().statusCode(200).body("state", equalTo("RETURNED"));
        assertEquals(100, onHand(SOURCE, item), "the lots are back at the source");
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/deliver").then().statusCode(409);
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then()
                .body("lines[0].quantityPlanned", equalTo(0))
                .body("lines[0].quantityDispatched", equalTo(0));
        List<String> types = as(DemoUsers.ADMIN).queryParam("depot", SOURCE).queryParam("item", item)
                .get("/api/stock/movements").jsonPath().getList("items.findAll { it.reference == 'shipment:" + shipment
                        + "' }.type");
        assertEquals(1, types.stream().filter("TRANSFER_IN"::equals).count(), types.toString());
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/close").then().statusCode(200)
                .body("status", equalTo("PARTIALLY_FULFILLED"));
    }

    @Test
    void aDispatchedShipmentLostOnTheWayIsWrittenOffWithAReason() {
        String item = newItem();
        receive(SOURCE, item, 100, "W-1", ServiceClock.today().plusDays(200));
        long request = approved(COUNTY, item, 30);
        long shipment = shipped(request, SOURCE, 30);
        as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then().statusCode(200);
        as(DemoUsers.SCHEDULER).body(Map.of()).post("/api/shipments/" + shipment + "/write-off").then()
                .statusCode(400);
        as(DemoUsers.SCHEDULER).body(Map.of("reason", "COUNT_SURPLUS", "note", "x"))
                .post("/api/shipments/" + shipment + "/write-off").then().statusCode(400);
        as(DemoUsers.WAREHOUSE).body(Map.of("reason", "LOST", "note", "truck accident"))
                .post("/api/shipments/" + shipment + "/write-off").then().statusCode(403);
        as(DemoUsers.SCHEDULER).body(Map.of("reason", "LOST", "note", "truck accident on G5"))
                .post("/api/shipments/" + shipment + "/write-off").then().statusCode(200)
                .body("state", equalTo("WRITTEN_OFF"));
        assertEquals(70, onHand(SOURCE, item), "the units are gone, through the ledger");
        List<Map<String, Object>> movements = as(DemoUsers.ADMIN).queryParam("depot", SOURCE).queryParam("item", item)
                .get("/api/stock/movements").jsonPath().getList("items.findAll { it.reference == 'shipment:" + shipment
                        + "' && it.type == 'ADJUSTMENT' }");
        assertEquals(1, movements.size());
        assertEquals("LOST", movements.get(0).get("reason"));
        assertEquals(-30, ((Number) movements.get(0).get("onHandChange")).intValue());
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + request + "/close").then().statusCode(200)
                .body("status", equalTo("PARTIALLY_FULFILLED"));
    }
}
