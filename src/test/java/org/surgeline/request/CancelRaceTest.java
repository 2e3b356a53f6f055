package org.surgeline.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.request.RequestFixtures.approved;
import static org.surgeline.request.RequestFixtures.shipped;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;

/**
 * Cancelling a request while its shipments are planned and dispatched at the same moment: many
 * requests, each with a shipment, a cancel and a dispatch fired together. Whatever order they
 * land in, nothing outlives a cancelled request. Runs on H2 and, under {@code -Ppostgresql},
 * on PostgreSQL.
 */
@QuarkusTest
class CancelRaceTest {

    private static final int REQUESTS = 40;
    private static final String RESERVE = "LF-RESERVE";

    @Inject
    DataSource dataSource;

    @Test
    void nothingOutlivesACancelledRequest() throws Exception {
        // An item of its own, stocked at the reserve with no floor: what other tests plan, publish or
        // hold of the demo stock cannot turn the set-up's shipments into 409s.
        String item = "T-RACE-" + System.nanoTime();
        as(DemoUsers.ADMIN).body(Map.of("code", item, "name", "Race gloves", "unit", "pair", "category", "PPE",
                "parcelSize", 10, "shelfLifeDays", 365, "dailyUsePer10k", 1)).post("/api/items").then().statusCode(201);
        as(DemoUsers.WAREHOUSE).body(Map.of("type", "RECEIPT", "depot", RESERVE, "item", item, "quantity",
                REQUESTS * 20, "lot", "RACE", "expiresOn", ServiceClock.today().plusYears(1).toString()))
                .post("/api/stock/movements").then().statusCode(201);
        List<Long> requests = new ArrayList<>();
        List<Long> firstShipments = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long request = approved("141030", item, 20);
            requests.add(request);
            firstShipments.add(shipped(request, RESERVE, 10));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long request = requests.get(i);
            long first = firstShipments.get(i);
            List<Callable<Integer>> race = List.of(
                    () -> as(DemoUsers.WAREHOUSE).body(Map.of("requestId", request, "lineNo", 1, "fromDepot", RESERVE,
                            "quantity", 10)).post("/api/shipments").statusCode(),
                    () -> as(officerOf("141030")).body(Map.of("note", "race")).post(
                            "/api/allocation-requests/" + request + "/cancel").statusCode(),
                    () -> as(DemoUsers.WAREHOUSE).post("/api/shipments/" + first + "/dispatch").statusCode());
            for (Callable<Integer> call : race) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
        }
        start.countDown();
        for (Future<Integer> call : calls) {
            int status = call.get();
            assertTrue(status == 200 || status == 201 || status == 409, "every call answers 2xx or 409: " + status);
        }
        pool.shutdown();

        // Whatever is still planned of a cancelled request must not be dispatchable either.
        try (Connection db = dataSource.getConnection()) {
            for (long shipment : ids(db, "select s.id from shipment s join allocation_request r on r.id = s.request_id "
                    + "where r.status = 'CANCELLED' and s.state = 'PLANNED' and r.id in " + in(requests))) {
                as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch");
            }
            assertEquals(List.of(), ids(db, "select s.id from shipment s join allocation_request r on r.id = s.request_id "
                    + "where r.status = 'CANCELLED' and s.state <> 'CANCELLED' and r.id in " + in(requests)),
                    "shipments alive under a cancelled request");
            assertEquals(List.of(), ids(db, "select v.id from stock_reservation v join shipment s on s.reservation_id = v.id "
                    + "join allocation_request r on r.id = s.request_id where r.status = 'CANCELLED' "
                    + "and v.state <> 'RELEASED' and r.id in " + in(requests)),
                    "reservations held or consumed for a cancelled request");
            try (PreparedStatement q = db.prepareStatement("select d.id from team_deployment d join allocation_request r "
                    + "on r.id = d.request_id where r.status = 'CANCELLED' and d.to_date >= ?")) {
                q.setObject(1, ServiceClock.today());
                try (ResultSet rows = q.executeQuery()) {
                    assertTrue(!rows.next(), "no team deployment outlives a cancelled request");
                }
            }
            // Every shipment that left reaches a final state: here, delivered.
            for (long shipment : ids(db, "select id from shipment where state = 'DISPATCHED' and request_id in "
                    + in(requests))) {
                assertEquals(200, as(officerOf("141030")).post("/api/shipments/" + shipment + "/deliver").statusCode(),
                        "shipment " + shipment + " is delivered");
            }
            assertEquals(List.of(), ids(db, "select id from shipment where state = 'DISPATCHED' and request_id in "
                    + in(requests)), "no shipment stays on its way");
            assertEquals(List.of(), ids(db, "select s.id from shipment s join allocation_request r on r.id = s.request_id "
                    + "join allocation_line l on l.id = s.line_id where r.id in " + in(requests)
                    + " and l.quantity_planned <> (select coalesce(sum(x.quantity), 0) from shipment x "
                    + "where x.line_id = l.id and x.state <> 'CANCELLED')"),
                    "every line's planned quantity is what its live shipments carry");
        }
    }

    private static String in(List<Long> ids) {
        return ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).map(s -> "(" + s + ")").orElseThrow();
    }

    static List<Long> ids(Connection db, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
