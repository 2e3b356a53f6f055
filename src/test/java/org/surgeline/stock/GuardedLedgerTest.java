package org.surgeline.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.surgeline.stock.StockFixtures.newDepot;
import static org.surgeline.stock.StockFixtures.newItem;
import static org.surgeline.stock.StockFixtures.receive;
import static org.surgeline.stock.StockFixtures.setFloor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.surgeline.ServiceClock;

/**
 * The guarded statements of the hot path (PostgreSQL only) answer what the general path answers,
 * and leave to it (writing nothing) whatever they would refuse.
 */
@QuarkusTest
class GuardedLedgerTest {

    @Inject
    GuardedLedger guarded;
    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;

    private String depot;
    private String item;

    @BeforeEach
    void onPostgresql() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            assumeTrue(db.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "the hot path is PostgreSQL's");
        }
        depot = newDepot("141002");
        item = newItem();
        receive(depot, item, 100, "LOT-LATE", ServiceClock.today().plusDays(90));
        receive(depot, item, 30, "LOT-SOON", ServiceClock.today().plusDays(20));
    }

    private Optional<MovementResult> record(MovementRequest r) {
        return QuarkusTransaction.requiringNew().call(() -> guarded.record(r, "guarded-test", Instant.now(clock),
                LocalDate.now(clock)));
    }

    private static MovementRequest issue(String depot, String item, long quantity) {
        return new MovementRequest(MovementRequest.Kind.ISSUE, depot, null, item, quantity, null, null, null,
                "guarded", null, null);
    }

    @Test
    void anIssueTakesTheEarliestExpiringLotsFirst() {
        MovementResult result = record(issue(depot, item, 50)).orElseThrow();

        assertEquals(List.of("LOT-SOON", "LOT-LATE"), result.movements().stream().map(MovementView::lot).toList());
        assertEquals(List.of(30L, 20L), result.movements().stream().map(MovementView::quantity).toList());
        assertEquals(List.of(-30L, -20L), result.movements().stream().map(MovementView::onHandChange).toList());
        BalanceView balance = result.balances().get(0);
        assertEquals(80, balance.onHand());
        assertEquals(80, balance.available());
        assertEquals(List.of(new BalanceView.Lot("LOT-LATE", ServiceClock.today().plusDays(90), 80)), balance.lots());
        assertEquals(80, StockFixtures.balance(depot, item).get("onHand"));
    }

    @Test
    void aReceiptJoinsItsLotAndAnswersTheBalanceWithItsLots() {
        MovementRequest receipt = new MovementRequest(MovementRequest.Kind.RECEIPT, depot, null, item, 7L,
                "LOT-SOON", ServiceClock.today().plusDays(20), null, "guarded", "a note", null);

        MovementResult result = record(receipt).orElseThrow();

        MovementView movement = result.movements().get(0);
        assertEquals(MovementType.RECEIPT, movement.type());
        assertEquals(7, movement.onHandChange());
        assertEquals("a note", movement.note());
        BalanceView balance = result.balances().get(0);
        assertEquals(137, balance.onHand());
        assertEquals(List.of(37L, 100L), balance.lots().stream().map(BalanceView.Lot::quantity).toList());
    }

    @Test
    void whatTheChecksWouldRefuseIsLeftToTheGeneralPathUnwritten() {
        setFloor(depot, item, 100);
        int before = StockFixtures.movementCount(depot, item);

        assertTrue(record(issue(depot, item, 31)).isEmpty(), "below the floor");
        assertTrue(record(issue(depot, item, 500)).isEmpty(), "more than on hand");
        assertTrue(record(issue(depot, item, 30)).isPresent(), "down to the floor exactly");

        assertEquals(before + 1, StockFixtures.movementCount(depot, item));
        assertEquals(100, StockFixtures.balance(depot, item).get("onHand"));
    }

    @Test
    void onItsOwnTheMovementIsCommittedBeforeTheCallerCommits() {
        QuarkusTransaction.begin();
        MovementResult result = guarded.recordCommitted(issue(depot, item, 5), "guarded-test", Instant.now(clock),
                LocalDate.now(clock)).orElseThrow();
        QuarkusTransaction.rollback();
        assertEquals(125, result.balances().get(0).onHand());
        assertEquals(125, StockFixtures.balance(depot, item).get("onHand"), "kept although the caller rolled back");
    }

    /** What {@link GuardedLedger#recordCommitted} relies on: statements sent before one Sync commit or fail together. */
    @Test
    void statementsSentTogetherOutsideATransactionFailTogether() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            assertTrue(db.getAutoCommit());
            try (PreparedStatement s = db.prepareStatement("update stock_balance set reserve_floor = 7 "
                    + "where depot_code = ? and item_code = ?; select 1 / 0")) {
                s.setString(1, depot);
                s.setString(2, item);
                assertThrows(SQLException.class, s::execute);
            }
        }
        assertEquals(0, StockFixtures.balance(depot, item).get("reserveFloor"));
    }

    @Test
    void aFirstBalanceIsLeftToTheGeneralPath() {
        assertTrue(record(issue(depot, newItem(), 1)).isEmpty());
        MovementRequest receipt = new MovementRequest(MovementRequest.Kind.RECEIPT, newDepot("141002"), null, item, 5L,
                "LOT-NEW", ServiceClock.today().plusDays(20), null, null, null, null);
        assertTrue(record(receipt).isEmpty());
    }
}
