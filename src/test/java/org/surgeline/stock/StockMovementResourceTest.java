package org.surgeline.stock;

import org.surgeline.ServiceClock;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.stock.StockFixtures.balance;
import static org.surgeline.stock.StockFixtures.movementCount;
import static org.surgeline.stock.StockFixtures.newDepot;
import static org.surgeline.stock.StockFixtures.newItem;
import static org.surgeline.stock.StockFixtures.receive;
import static org.surgeline.stock.StockFixtures.setFloor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.surgeline.DemoUsers;

@QuarkusTest
class StockMovementResourceTest {

    private static final LocalDate SOON = ServiceClock.today().plusDays(40);
    private static final LocalDate LATER = ServiceClock.today().plusDays(300);

    private String depot;
    private String other;
    private String item;

    @BeforeEach
    void freshStock() {
        depot = newDepot("141002");
        other = newDepot("141024");
        item = newItem();
        receive(depot, item, 600, "LATE", LATER);
        receive(depot, item, 400, "EARLY", SOON);
    }

    private Map<String, Object> movement(String type, long quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("depot", depot);
        body.put("item", item);
        body.put("quantity", quantity);
        return body;
    }

    @Test
    void aReceiptAddsALotAndAnswersTheMovementAndBalance() {
        Map<String, Object> receipt = movement("RECEIPT", 250);
        receipt.put("lot", "NEW-1");
        receipt.put("expiresOn", LATER.toString());
        receipt.put("reference", "PO-2026-77");
        as(DemoUsers.WAREHOUSE).body(receipt).post("/api/stock/movements").then()
                .statusCode(201)
                .header("Location", containsString("/api/stock/movements/"))
                .body("movements", hasSize(1))
                .body("movements[0].type", equalTo("RECEIPT"))
                .body("movements[0].onHandChange", equalTo(250))
                .body("movements[0].actor", equalTo("warehouse"))
                .body("movements[0].reference", equalTo("PO-2026-77"))
                .body("balances[0].onHand", equalTo(1250))
                .body("balances[0].available", equalTo(1250))
                .body("balances[0].lots.lot", hasItem("NEW-1"));
    }

    @Test
    void anIssueTakesTheEarliestExpiringLotFirst() {
        as(DemoUsers.WAREHOUSE).body(movement("ISSUE", 500)).post("/api/stock/movements").then()
                .statusCode(201)
                .body("movements", hasSize(2))
                .body("movements[0].lot", equalTo("EARLY"))
                .body("movements[0].quantity", equalTo(400))
                .body("movements[1].lot", equalTo("LATE"))
                .body("movements[1].quantity", equalTo(100))
                .body("movements[0].operationId", equalTo(
                        as(DemoUsers.ADMIN).queryParam("depot", depot).queryParam("item", item)
                                .get("/api/stock/movements").jsonPath().getString("items[0].operationId")))
                .body("balances[0].onHand", equalTo(500))
                .body("balances[0].lots", hasSize(1));
    }

    @Test
    void anIssueFromANamedLot() {
        Map<String, Object> issue = movement("ISSUE", 100);
        issue.put("lot", "LATE");
        as(DemoUsers.WAREHOUSE).body(issue).post("/api/stock/movements").then()
                .statusCode(201)
                .body("movements[0].lot", equalTo("LATE"));
        issue.put("quantity", 501);
        as(DemoUsers.WAREHOUSE).body(issue).post("/api/stock/movements").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/insufficient-lot-stock"));
        issue.put("lot", "NO-SUCH-LOT");
        as(DemoUsers.WAREHOUSE).body(issue).post("/api/stock/movements").then().statusCode(404);
    }

    @Test
    void aTransferIsTwoMovementsPerLotAndConservesUnits() {
        Map<String, Object> transfer = movement("TRANSFER", 450);
        transfer.put("toDepot", other);
        Response response = as(DemoUsers.WAREHOUSE).body(transfer).post("/api/stock/movements");
        response.then().statusCode(201)
                .body("movements.type", equalTo(List.of("TRANSFER_OUT", "TRANSFER_IN", "TRANSFER_OUT", "TRANSFER_IN")))
                .body("balances", hasSize(2));
        assertEquals(550, ((Number) balance(depot, item).get("onHand")).longValue());
        Map<String, Object> arrived = balance(other, item);
        assertEquals(450, ((Number) arrived.get("onHand")).longValue());
        // Lots travel with their expiry dates.
        assertEquals(List.of("EARLY", "LATE"), ((List<Map<String, Object>>) arrived.get("lots")).stream()
                .map(l -> l.get("lot")).toList());
        assertEquals(SOON.toString(), ((List<Map<String, Object>>) arrived.get("lots")).get(0).get("expiresOn"));
    }

    @Test
    void adjustmentsCarryTheirReasonAndDirection() {
        Map<String, Object> damage = movement("ADJUSTMENT", 30);
        damage.put("reason", "DAMAGE");
        damage.put("note", "roof leak");
        as(DemoUsers.ADMIN).body(damage).post("/api/stock/movements").then()
                .statusCode(201)
                .body("movements[0].onHandChange", equalTo(-30))
                .body("movements[0].reason", equalTo("DAMAGE"))
                .body("movements[0].note", equalTo("roof leak"));
        Map<String, Object> surplus = movement("ADJUSTMENT", 5);
        surplus.put("reason", "COUNT_SURPLUS");
        surplus.put("lot", "LATE");
        as(DemoUsers.WAREHOUSE).body(surplus).post("/api/stock/movements").then()
                .statusCode(201)
                .body("balances[0].onHand", equalTo(975));
    }

    static Stream<Arguments> badMovements() {
        return Stream.of(
                Arguments.of("zero quantity", Map.of("quantity", 0), 400, "validation"),
                Arguments.of("negative quantity", Map.of("quantity", -5), 400, "validation"),
                Arguments.of("quantity over 10^12", Map.of("quantity", 1_000_000_000_001L), 400, "validation"),
                Arguments.of("fractional quantity", Map.of("quantity", 2.5), 400, "validation"),
                Arguments.of("unknown item", Map.of("item", "NO-SUCH-ITEM"), 404, "not-found"),
                Arguments.of("unknown depot", Map.of("depot", "NO-SUCH-DEPOT"), 404, "not-found"),
                Arguments.of("issue over available", Map.of("quantity", 1001), 409, "insufficient-stock"),
                Arguments.of("unknown movement type", Map.of("type", "TELEPORT"), 400, "validation"),
                Arguments.of("RESERVE is not posted here", Map.of("type", "RESERVE"), 400, "validation"),
                Arguments.of("adjustment without reason", Map.of("type", "ADJUSTMENT"), 400, "validation"),
                Arguments.of("receipt without lot", Map.of("type", "RECEIPT"), 400, "validation"),
                Arguments.of("status is not settable", Map.of("actor", "mallory"), 400, "validation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMovements")
    void badInputIsAProblemAndLeavesTheLedgerUnchanged(String name, Map<String, Object> change, int status,
            String type) {
        Map<String, Object> before = balance(depot, item);
        int movements = movementCount(depot, item);
        Map<String, Object> body = movement("ISSUE", 10);
        body.putAll(change);
        as(DemoUsers.WAREHOUSE).body(body).post("/api/stock/movements").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://surgeline.org/problems/" + type));
        assertEquals(before, balance(depot, item));
        assertEquals(movements, movementCount(depot, item));
    }

    @Test
    void aTransferToTheSameDepotIs400() {
        Map<String, Object> transfer = movement("TRANSFER", 10);
        transfer.put("toDepot", depot);
        as(DemoUsers.WAREHOUSE).body(transfer).post("/api/stock/movements").then()
                .statusCode(400)
                .body("type", equalTo("https://surgeline.org/problems/same-depot"));
        assertEquals(2, movementCount(depot, item));
    }

    @Test
    void malformedJsonIs400AndChangesNothing() {
        as(DemoUsers.WAREHOUSE).body("{\"type\": \"ISSUE\", \"depot\": ").post("/api/stock/movements").then()
                .statusCode(400)
                .body("type", equalTo("https://surgeline.org/problems/malformed-json"));
        assertEquals(2, movementCount(depot, item));
    }

    @Test
    void theReserveFloorRefusesUnlessAnAdminOverridesWithAReason() {
        setFloor(depot, item, 800);
        as(DemoUsers.WAREHOUSE).body(movement("ISSUE", 201)).post("/api/stock/movements").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/reserve-floor"))
                .body("reserveFloor", equalTo(800))
                .body("available", equalTo(1000));
        as(DemoUsers.WAREHOUSE).body(movement("ISSUE", 200)).post("/api/stock/movements").then().statusCode(201);

        Map<String, Object> overridden = movement("ISSUE", 100);
        overridden.put("floorOverride", "CRITICAL: Hongtong outbreak, approved at the command meeting");
        as(DemoUsers.WAREHOUSE).body(overridden).post("/api/stock/movements").then()
                .statusCode(403);
        as(DemoUsers.WAREHOUSE).body(Map.of("depot", depot, "item", item, "quantity", 100, "reference", "FLOOR",
                "floorOverride", "not mine to give")).post("/api/stock/reservations").then().statusCode(403);
        as(DemoUsers.ADMIN).body(overridden).post("/api/stock/movements").then()
                .statusCode(201)
                .body("movements[0].floorOverride", startsWith("CRITICAL"))
                .body("balances[0].belowFloor", equalTo(true));
        as(DemoUsers.ADMIN).get("/api/stock/alerts").then()
                .body("findAll { it.kind == 'BELOW_FLOOR' }.depot", hasItem(depot));
    }

    @Test
    void aReservationHoldsStockUntilReleased() {
        Map<String, Object> hold = Map.of("depot", depot, "item", item, "quantity", 700, "reference", "ALLOC-1");
        int id = as(DemoUsers.SCHEDULER).body(hold).post("/api/stock/reservations").then()
                .statusCode(201)
                .body("state", equalTo("ACTIVE"))
                .extract().path("id");
        Map<String, Object> held = balance(depot, item);
        assertEquals(700, ((Number) held.get("reserved")).longValue());
        assertEquals(300, ((Number) held.get("available")).longValue());
        as(DemoUsers.WAREHOUSE).body(movement("ISSUE", 301)).post("/api/stock/movements").then()
                .statusCode(409)
                .body("available", equalTo(300));
        Map<String, Object> damage = movement("ADJUSTMENT", 301);
        damage.put("reason", "DAMAGE");
        as(DemoUsers.WAREHOUSE).body(damage).post("/api/stock/movements").then()
                .statusCode(409)
                .body("type", equalTo("https://surgeline.org/problems/reserved-stock"));

        as(DemoUsers.WAREHOUSE).delete("/api/stock/reservations/" + id).then()
                .statusCode(200)
                .body("state", equalTo("RELEASED"));
        as(DemoUsers.WAREHOUSE).delete("/api/stock/reservations/" + id).then()
                .statusCode(409);
        assertEquals(0, ((Number) balance(depot, item).get("reserved")).longValue());
        as(officerOf("141002")).body(hold).post("/api/stock/reservations").then().statusCode(403);
    }

    @Test
    void officersReadOnlyTheirCountysMovementsAndCannotWrite() {
        as(officerOf("141002")).queryParam("depot", depot).get("/api/stock/movements").then()
                .statusCode(200)
                .body("total", equalTo(2));
        as(officerOf("141024")).queryParam("depot", depot).get("/api/stock/movements").then()
                .statusCode(404);
        as(officerOf("141024")).get("/api/stock/movements").then()
                .statusCode(200)
                .body("items.depot", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(equalTo(depot))));
        as(officerOf("141002")).body(movement("ISSUE", 1)).post("/api/stock/movements").then().statusCode(403);
        as(DemoUsers.SCHEDULER).body(movement("ISSUE", 1)).post("/api/stock/movements").then().statusCode(403);
    }

    @Test
    void movementsArePagedNewestFirst() {
        for (int i = 0; i < 3; i++) {
            as(DemoUsers.WAREHOUSE).body(movement("ISSUE", 1 + i)).post("/api/stock/movements").then().statusCode(201);
        }
        as(DemoUsers.ADMIN).queryParam("depot", depot).queryParam("size", 2).queryParam("page", 0)
                .get("/api/stock/movements").then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items", hasSize(2))
                .body("items[0].quantity", equalTo(3))
                .body("items[1].quantity", equalTo(2));
        as(DemoUsers.ADMIN).queryParam("depot", depot).queryParam("size", 2).queryParam("page", 2)
                .get("/api/stock/movements").then()
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("RECEIPT"));
        as(DemoUsers.ADMIN).queryParam("size", 0).get("/api/stock/movements").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
        as(DemoUsers.ADMIN).queryParam("from", "yesterday").get("/api/stock/movements").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        as(DemoUsers.ADMIN).queryParam("depot", depot).queryParam("from", ServiceClock.today().plusDays(2).toString())
                .get("/api/stock/movements").then().body("total", equalTo(0));
    }

    @Test
    void aReplayedPostCreatesOneMovementAndAnotherBodyIs422() {
        Map<String, Object> issue = movement("ISSUE", 7);
        issue.put("reference", "REPLAY");
        String key = StockFixtures.unique("key");
        long first = as(DemoUsers.WAREHOUSE).header("Idempotency-Key", key).body(issue).post("/api/stock/movements")
                .then().statusCode(201).extract().jsonPath().getLong("movements[0].id");
        as(DemoUsers.WAREHOUSE).header("Idempotency-Key", key).body(issue).post("/api/stock/movements").then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("movements[0].id", equalTo((int) first));
        assertEquals(3, movementCount(depot, item));
        issue.put("quantity", 8);
        as(DemoUsers.WAREHOUSE).header("Idempotency-Key", key).body(issue).post("/api/stock/movements").then()
                .statusCode(422);
        assertEquals(3, movementCount(depot, item));
        // Keys belong to their caller: the admin's identical request is a new movement.
        issue.put("quantity", 7);
        as(DemoUsers.ADMIN).header("Idempotency-Key", key).body(issue).post("/api/stock/movements").then()
                .statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertEquals(4, movementCount(depot, item));
    }

    @Test
    void eightConcurrentPostsWithOneKeyCreateOneMovement() throws Exception {
        Map<String, Object> issue = movement("ISSUE", 3);
        String key = StockFixtures.unique("concurrent");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return as(DemoUsers.WAREHOUSE).header("Idempotency-Key", key).body(issue)
                            .post("/api/stock/movements");
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Response> f : responses) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.jsonPath().getLong("movements[0].id"));
            }
            assertEquals(1, ids.stream().distinct().count(), "all eight see the same movement");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, movementCount(depot, item));
        assertEquals(997, ((Number) balance(depot, item).get("onHand")).longValue());
    }
}
