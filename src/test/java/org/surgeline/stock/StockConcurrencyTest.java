package org.surgeline.stock;

import org.surgeline.ServiceClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.stock.StockFixtures.newDepot;
import static org.surgeline.stock.StockFixtures.newItem;
import static org.surgeline.stock.StockFixtures.receive;
import static org.surgeline.stock.StockFixtures.setFloor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * 32 clients make 50 random receipts, issues, transfers and reservations each over HTTP, most of
 * them on one hot depot-item pair, then the ledger's invariants are checked in the database.
 * Runs on H2 in the default suite and on PostgreSQL under {@code -Ppostgresql}.
 */
@QuarkusTest
class StockConcurrencyTest {

    private static final int THREADS = 32;
    private static final int OPERATIONS = 50;
    private static final long OPENING = 500;
    private static final Map<String, LocalDate> LOT_EXPIRY = Map.of(
            "LOT-A", ServiceClock.today().plusDays(60), "LOT-B", ServiceClock.today().plusDays(400));

    @Inject
    DataSource dataSource;

    private record Outcome(String reference, String type, String item, long quantity, int status) {
    }

    @Test
    void theLedgerHoldsItsInvariantsUnderConcurrentLoad() throws Exception {
        List<String> depots = List.of(newDepot("141002"), newDepot("141024"), newDepot("141081"));
        List<String> items = List.of(newItem(), newItem());
        for (String depot : depots) {
            for (String item : items) {
                receive(depot, item, OPENING, "LOT-A", LOT_EXPIRY.get("LOT-A"));
            }
        }
        setFloor(depots.get(0), items.get(0), 100);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Outcome>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                return runClient(thread, depots, items);
            }));
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<List<Outcome>> f : futures) {
            outcomes.addAll(f.get());
        }
        pool.shutdown();

        assertEquals(THREADS * OPERATIONS, outcomes.size());
        List<Outcome> unexpected = outcomes.stream().filter(o -> o.status() != 201 && o.status() != 409).toList();
        assertEquals(List.of(), unexpected, "every call answers 201 or 409");
        long refused = outcomes.stream().filter(o -> o.status() == 409).count();
        assertTrue(refused > 0 && refused < outcomes.size(), "the load both succeeds and runs dry: " + refused);

        try (Connection db = dataSource.getConnection()) {
            for (String depot : depots) {
                for (String item : items) {
                    assertPairConsistent(db, depot, item);
                }
            }
            for (String item : items) {
                Map<String, AtomicLong> tally = new HashMap<>(Map.of("RECEIPT", new AtomicLong(), "ISSUE",
                        new AtomicLong(), "RESERVE", new AtomicLong()));
                outcomes.stream().filter(o -> o.status() == 201 && o.item().equals(item) && tally.containsKey(o.type()))
                        .forEach(o -> tally.get(o.type()).addAndGet(o.quantity()));
                long expectedOnHand = OPENING * depots.size() + tally.get("RECEIPT").get() - tally.get("ISSUE").get();
                assertEquals(expectedOnHand, sum(db, "on_hand", depots, item),
                        "total on hand of " + item + " = opening + receipts - issues (transfers conserve units)");
                assertEquals(tally.get("RESERVE").get(), sum(db, "reserved", depots, item),
                        "total reserved of " + item + " = accepted reservations");
            }
            for (Outcome o : outcomes) {
                long movements = count(db, "select count(*) from stock_movement where reference = ?", o.reference());
                if (o.status() == 409) {
                    assertEquals(0, movements, "refused " + o + " left no movement");
                } else {
                    assertTrue(movements > 0, "accepted " + o + " left its movements");
                }
            }
        }
    }

    private static List<Outcome> runClient(int thread, List<String> depots, List<String> items) {
        Random random = new Random(1000L + thread);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            boolean hot = random.nextInt(100) < 70;
            String depot = hot ? depots.get(0) : depots.get(random.nextInt(depots.size()));
            String item = hot ? items.get(0) : items.get(random.nextInt(items.size()));
            String reference = "cc-" + thread + "-" + i + "-" + depots.get(0);
            int roll = random.nextInt(100);
            Map<String, Object> body = new HashMap<>(Map.of("depot", depot, "item", item, "reference", reference));
            String type;
            String path = "/api/stock/movements";
            long quantity;
            if (roll < 40) {
                type = "ISSUE";
                quantity = 1 + random.nextInt(80);
            } else if (roll < 65) {
                type = "RECEIPT";
                quantity = 1 + random.nextInt(60);
                String lot = random.nextBoolean() ? "LOT-A" : "LOT-B";
                body.put("lot", lot);
                body.put("expiresOn", LOT_EXPIRY.get(lot).toString());
            } else if (roll < 85) {
                type = "TRANSFER";
                quantity = 1 + random.nextInt(50);
                String to = depots.get((depots.indexOf(depot) + 1 + random.nextInt(depots.size() - 1)) % depots.size());
                body.put("toDepot", to);
            } else {
                type = "RESERVE";
                quantity = 1 + random.nextInt(30);
                path = "/api/stock/reservations";
            }
            body.put("quantity", quantity);
            if (!type.equals("RESERVE")) {
                body.put("type", type);
            }
            Response response = as(type.equals("RESERVE") ? DemoUsers.SCHEDULER : DemoUsers.WAREHOUSE).body(body).post(path);
            outcomes.add(new Outcome(reference, type, item, quantity, response.statusCode()));
        }
        return outcomes;
    }

    private static void assertPairConsistent(Connection db, String depot, String item) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "select b.on_hand, b.reserved, "
                        + "(select coalesce(sum(on_hand_change), 0) from stock_movement m where m.depot_code = b.depot_code and m.item_code = b.item_code), "
                        + "(select coalesce(sum(reserved_change), 0) from stock_movement m where m.depot_code = b.depot_code and m.item_code = b.item_code), "
                        + "(select coalesce(sum(quantity), 0) from stock_lot l where l.depot_code = b.depot_code and l.item_code = b.item_code), "
                        + "(select count(*) from stock_lot l where l.depot_code = b.depot_code and l.item_code = b.item_code and l.quantity < 0) "
                        + "from stock_balance b where b.depot_code = ? and b.item_code = ?")) {
            q.setString(1, depot);
            q.setString(2, item);
            try (ResultSet row = q.executeQuery()) {
                assertTrue(row.next(), "balance of " + item + "@" + depot);
                long onHand = row.getLong(1);
                long reserved = row.getLong(2);
                String pair = item + "@" + depot;
                assertTrue(onHand >= 0, pair + " on hand " + onHand);
                assertTrue(reserved >= 0 && reserved <= onHand, pair + " reserved " + reserved + " of " + onHand);
                assertEquals(onHand, row.getLong(3), pair + " on hand = sum of movements");
                assertEquals(reserved, row.getLong(4), pair + " reserved = sum of movements");
                assertEquals(onHand, row.getLong(5), pair + " on hand = sum of lots");
                assertEquals(0, row.getLong(6), pair + " has no negative lot");
            }
        }
    }

    private static long sum(Connection db, String column, List<String> depots, String item) throws SQLException {
        long total = 0;
        for (String depot : depots) {
            total += count(db, "select " + column + " from stock_balance where depot_code = ? and item_code = '"
                    + item + "'", depot);
        }
        return total;
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
