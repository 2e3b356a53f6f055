package org.surgeline.stock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The ledger's hot path on PostgreSQL: a RECEIPT, or an ISSUE that names no lot and overrides no
 * floor, in one round trip under the balance lock. The statements of that round trip (PgJDBC sends
 * a prepared statement holding several in one go) lock the balance, then, each with a snapshot
 * taken after the lock, check the floor and what is on hand, take the lots earliest-expiring first,
 * update the balance, append the movements and read the lots back; then the transaction commits:
 * the caller's ({@link #record}), or PostgreSQL's own, before it answers ({@link #recordCommitted}).
 * The general path holds the lock over five round trips (lock, lots, lot, movement, balance).
 *
 * <p>It answers nothing (and writes nothing) whenever the general path must decide: another
 * database (H2), a first balance, a retired depot or item, a balance or its lots already loaded
 * into this transaction's persistence context, or an issue the checks refuse, so that every 409
 * is still worded by {@link LedgerService}. The database's own checks hold either way.
 */
@ApplicationScoped
class GuardedLedger {

    /** Depot and item in service, and the balance there: a receipt's checks, before the lock. */
    private static final String RECEIPT_CHECKS = """
            select (select retired_at is null from depot where code = ?),
                   (select retired_at is null from supply_item where code = ?),
                   exists (select 1 from stock_balance where depot_code = ? and item_code = ?)""";

    private static final String LOCK = """
            select 1 from stock_balance where depot_code = ? and item_code = ? for no key update""";

    /** Lots of a balance, in the order of {@link LedgerService#lots}. */
    private static final String LOTS = """
            select lot, expires_on, quantity from stock_lot where depot_code = ? and item_code = ?
            order by expires_on, lot""";

    private static final String RECEIPT = LOCK + ";\n" + """
            insert into stock_lot (depot_code, item_code, lot, expires_on, quantity) values (?, ?, ?, ?, ?)
            on conflict (depot_code, item_code, lot, expires_on) do update set quantity = stock_lot.quantity + excluded.quantity;
            with m as (
              insert into stock_movement (id, operation_id, type, depot_code, item_code, lot, quantity, on_hand_change,
                                          reserved_change, reference, note, actor, occurred_at)
              values (nextval('stock_movement_seq'), ?, 'RECEIPT', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
              returning id, lot, quantity),
            b as (
              update stock_balance set on_hand = on_hand + ?, version = version + 1, updated_at = ?, updated_by = ?
              where depot_code = ? and item_code = ?
              returning on_hand, reserved, reserve_floor, version)
            select m.id, m.lot, m.quantity, b.on_hand, b.reserved, b.reserve_floor, b.version from m, b;
            """ + LOTS;

    /**
     * An issue's checks and writes, from one snapshot taken under the lock: what is available (on
     * hand less expired lots less reserved) must cover the quantity and keep the reserve floor;
     * then the unexpired lots are taken earliest-expiring first (ties by lot name, as Java orders
     * them), and the balance and the movements follow. Refused, it writes nothing and answers no row.
     */
    private static final String ISSUE = LOCK + ";\n" + """
            with ok as (
              select b.depot_code, b.item_code from stock_balance b
              where b.depot_code = ? and b.item_code = ?
                and b.on_hand - b.reserved - ? - coalesce((select sum(l.quantity) from stock_lot l
                      where l.depot_code = b.depot_code and l.item_code = b.item_code and l.expires_on <= ?), 0)
                    >= b.reserve_floor),
            fefo as (
              select l.lot, l.expires_on, l.quantity,
                     (sum(l.quantity) over (order by l.expires_on, l.lot collate "C"))::bigint - l.quantity as before
              from stock_lot l join ok on l.depot_code = ok.depot_code and l.item_code = ok.item_code
              where l.quantity > 0 and l.expires_on > ?),
            takes as (
              select nextval('stock_movement_seq') as id, lot, expires_on, least(quantity, ? - before) as take
              from fefo where before < ?),
            lots as (
              update stock_lot l set quantity = l.quantity - t.take from takes t
              where l.depot_code = ? and l.item_code = ? and l.lot = t.lot and l.expires_on = t.expires_on
              returning t.id, l.lot, l.expires_on, t.take),
            m as (
              insert into stock_movement (id, operation_id, type, depot_code, item_code, lot, quantity, on_hand_change,
                                          reserved_change, reference, note, actor, occurred_at)
              select id, ?, 'ISSUE', ?, ?, lot, take, -take, 0, ?, ?, ?, ? from lots),
            b as (
              update stock_balance s set on_hand = on_hand - ?, version = version + 1, updated_at = ?, updated_by = ?
              from ok where s.depot_code = ok.depot_code and s.item_code = ok.item_code
              returning on_hand, reserved, reserve_floor, version)
            select lots.id, lots.lot, lots.take, b.on_hand, b.reserved, b.reserve_floor, b.version from lots, b
            order by lots.expires_on, lots.lot collate "C";
            """ + LOTS;

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    private volatile Boolean postgres;

    /**
     * The receipt or issue recorded in the caller's transaction, or empty when {@link LedgerService}
     * must record it. The balance stays locked until that transaction commits: one round trip and
     * the commit.
     */
    Optional<MovementResult> record(MovementRequest r, String actor, Instant at, LocalDate today) {
        if (!takes(r)) {
            return Optional.empty();
        }
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        if (loaded(session, new DepotItem(r.depot(), r.item()))) {
            return Optional.empty();
        }
        return session.doReturningWork(connection -> record(connection, r, actor, at, today));
    }

    /**
     * The receipt or issue recorded and committed on its own, for a caller whose transaction holds
     * nothing else (a movement posted without an Idempotency-Key), or empty as {@link #record}.
     * Its statements go to PostgreSQL in one round trip with no commit of the client's in between:
     * outside a transaction block, what is sent before one Sync runs as one implicit transaction,
     * committed when it succeeds and rolled back when a statement fails. So the balance is locked
     * only while PostgreSQL executes them, never across a round trip to the service.
     */
    Optional<MovementResult> recordCommitted(MovementRequest r, String actor, Instant at, LocalDate today) {
        if (!takes(r)) {
            return Optional.empty();
        }
        return QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.getAutoCommit()) {
                    return Optional.empty();
                }
                return record(connection, r, actor, at, today);
            }
        });
    }

    private boolean takes(MovementRequest r) {
        boolean receipt = r.type() == MovementRequest.Kind.RECEIPT;
        boolean issue = r.type() == MovementRequest.Kind.ISSUE && r.lot() == null && r.floorOverride() == null;
        return (receipt || issue) && !Boolean.FALSE.equals(postgres);
    }

    private Optional<MovementResult> record(Connection connection, MovementRequest r, String actor, Instant at,
            LocalDate today) throws SQLException {
        if (postgres == null) {
            postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
        if (!postgres) {
            return Optional.empty();
        }
        return r.type() == MovementRequest.Kind.RECEIPT ? receipt(connection, r, actor, at, today)
                : issue(connection, r, actor, at, today);
    }

    private Optional<MovementResult> receipt(Connection db, MovementRequest r, String actor, Instant at,
            LocalDate today) throws SQLException {
        try (PreparedStatement checks = db.prepareStatement(RECEIPT_CHECKS)) {
            bind(checks, r.depot(), r.item(), r.depot(), r.item());
            try (ResultSet row = checks.executeQuery()) {
                row.next();
                if (!row.getBoolean(1) || !row.getBoolean(2) || !row.getBoolean(3)) {
                    return Optional.empty(); // unknown or retired (a 404 or 409 to word), or a first balance
                }
            }
        }
        String operation = UUID.randomUUID().toString();
        try (PreparedStatement s = db.prepareStatement(RECEIPT)) {
            bind(s, r.depot(), r.item(),
                    r.depot(), r.item(), r.lot(), r.expiresOn(), r.quantity(),
                    operation, r.depot(), r.item(), r.lot(), r.quantity(), r.quantity(), r.reference(), r.note(),
                    actor, at.atOffset(ZoneOffset.UTC),
                    r.quantity(), at.atOffset(ZoneOffset.UTC), actor, r.depot(), r.item(),
                    r.depot(), r.item());
            return Optional.of(result(s, r, MovementType.RECEIPT, operation, actor, at, today));
        }
    }

    private Optional<MovementResult> issue(Connection db, MovementRequest r, String actor, Instant at,
            LocalDate today) throws SQLException {
        String operation = UUID.randomUUID().toString();
        try (PreparedStatement s = db.prepareStatement(ISSUE)) {
            bind(s, r.depot(), r.item(),
                    r.depot(), r.item(), r.quantity(), today,
                    today,
                    r.quantity(), r.quantity(),
                    r.depot(), r.item(),
                    operation, r.depot(), r.item(), r.reference(), r.note(), actor, at.atOffset(ZoneOffset.UTC),
                    r.quantity(), at.atOffset(ZoneOffset.UTC), actor,
                    r.depot(), r.item());
            MovementResult result = result(s, r, MovementType.ISSUE, operation, actor, at, today);
            return result.movements().isEmpty() ? Optional.empty() : Optional.of(result);
        }
    }

    /**
     * Reads the three answers of a round trip: the lock (one row, or none for a balance not there
     * yet), the movements with the balance after them, and the lots after them.
     */
    private static MovementResult result(PreparedStatement s, MovementRequest r, MovementType type, String operation,
            String actor, Instant at, LocalDate today) throws SQLException {
        s.execute();
        next(s);
        List<MovementView> movements = new ArrayList<>();
        StockBalance balance = new StockBalance();
        balance.id = new DepotItem(r.depot(), r.item());
        balance.lastChange.record(actor, at);
        try (ResultSet row = s.getResultSet()) {
            while (row.next()) {
                long quantity = row.getLong(3);
                long change = type == MovementType.ISSUE ? -quantity : quantity;
                movements.add(new MovementView(row.getLong(1), operation, type, r.depot(), r.item(), row.getString(2),
                        quantity, change, 0, null, r.reference(), r.note(), null, actor, at));
                balance.onHand = row.getLong(4);
                balance.reserved = row.getLong(5);
                balance.reserveFloor = row.getLong(6);
                balance.version = row.getLong(7);
            }
        }
        next(s);
        List<StockLot> lots = new ArrayList<>();
        try (ResultSet row = s.getResultSet()) {
            while (row.next()) {
                StockLot lot = new StockLot();
                lot.expiresOn = row.getObject(2, LocalDate.class);
                lot.id = new StockLot.Key(balance.id, row.getString(1), lot.expiresOn);
                lot.quantity = row.getLong(3);
                lots.add(lot);
            }
        }
        if (movements.isEmpty()) {
            return new MovementResult(List.of(), List.of());
        }
        balance.expiredOnHand = lots.stream().filter(l -> LedgerService.expired(l, today)).mapToLong(l -> l.quantity).sum();
        return new MovementResult(movements, List.of(BalanceView.of(balance, lots)));
    }

    /** Moves to the next statement's result set, skipping update counts. */
    private static void next(PreparedStatement s) throws SQLException {
        while (!s.getMoreResults() && s.getUpdateCount() != -1) {
            // an update count (the lot upsert of a receipt)
        }
    }

    /** Whether this transaction already holds the balance or its lots as entities, which the statements would outdate. */
    private static boolean loaded(SessionImplementor session, DepotItem key) {
        for (Map.Entry<Object, EntityEntry> entry : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            Object entity = entry.getKey();
            if (entity instanceof StockBalance b && key.equals(b.id) || entity instanceof StockLot l
                    && key.depotCode.equals(l.id.depotCode) && key.itemCode.equals(l.id.itemCode)) {
                return true;
            }
        }
        return false;
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setObject(i + 1, values[i]);
            }
        }
    }
}
