package org.surgeline.stock;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.ChangeMarks;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.FieldErrors;
import org.surgeline.platform.Filter;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.ResultPage;

/**
 * The stock ledger. Every change appends movements and updates the balance they explain in one
 * transaction, under a row lock on each balance touched (taken in depot-code order, so two
 * transfers in opposite directions cannot deadlock). The database checks the invariants again.
 * On PostgreSQL the commonest movements, a receipt and an issue of unnamed lots, take the guarded
 * statements of {@link GuardedLedger} first; whatever they leave is recorded here.
 */
@ApplicationScoped
@Transactional
public class LedgerService {

    @Inject
    CatalogService catalog;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;
    @Inject
    GuardedLedger guarded;

    /**
     * Records a RECEIPT, ISSUE, TRANSFER or ADJUSTMENT that the caller asks for: only admins and
     * schedulers may override a reserve floor (403). Whether a large adjustment needs a second
     * person first is for {@link AdjustmentService} to decide.
     */
    public MovementResult record(MovementRequest r, String actor) {
        caller.requireFloorOverrideRight(r.floorOverride());
        return recordApproved(r, actor);
    }

    /**
     * {@link #record}, for a caller whose transaction holds nothing else: a receipt or issue on the
     * hot path then commits on its own ({@link GuardedLedger#recordCommitted}), so that the balance
     * is not held locked across the caller's commit.
     */
    public MovementResult recordAlone(MovementRequest r, String actor) {
        caller.requireFloorOverrideRight(r.floorOverride());
        validateShape(r);
        return guarded.recordCommitted(r, actor, clock.instant(), LocalDate.now(clock))
                .orElseGet(() -> recordGenerally(r, actor));
    }

    /** Records a movement whose floor override was allowed when it was asked for: an approved adjustment. */
    MovementResult recordApproved(MovementRequest r, String actor) {
        validateShape(r);
        return guarded.record(r, actor, clock.instant(), LocalDate.now(clock))
                .orElseGet(() -> recordGenerally(r, actor));
    }

    /** The general path: every type, every check worded, the balance locked until the transaction commits. */
    private MovementResult recordGenerally(MovementRequest r, String actor) {
        // Retired records take no new stock.
        if (r.type() == MovementRequest.Kind.RECEIPT) {
            catalog.activeDepot(r.depot());
            catalog.activeItem(r.item());
        } else if (r.type() == MovementRequest.Kind.TRANSFER && r.toDepot() != null) {
            catalog.activeDepot(r.toDepot());
        }
        Operation op = new Operation(actor, clock.instant(), r);
        DepotItem source = new DepotItem(r.depot(), r.item());
        long quantity = r.quantity();
        switch (r.type()) {
            case RECEIPT -> {
                Held held = hold(source);
                held.add(r.lot(), r.expiresOn(), quantity);
                op.append(MovementType.RECEIPT, held, r.lot(), quantity, quantity, 0);
            }
            case ISSUE -> {
                Held held = hold(source);
                requireWithdrawable(held.balance, quantity, r.floorOverride());
                for (LotQuantity take : held.take(quantity, r.lot())) {
                    op.append(MovementType.ISSUE, held, take.lot(), take.quantity(), -take.quantity(), 0);
                }
            }
            case TRANSFER -> {
                DepotItem target = new DepotItem(r.toDepot(), r.item());
                // Lock both balances in a fixed order.
                boolean sourceFirst = source.depotCode.compareTo(target.depotCode) < 0;
                Held first = hold(sourceFirst ? source : target);
                Held second = hold(sourceFirst ? target : source);
                Held from = sourceFirst ? first : second;
                Held to = sourceFirst ? second : first;
                requireWithdrawable(from.balance, quantity, r.floorOverride());
                for (LotQuantity take : from.take(quantity, r.lot())) {
                    op.append(MovementType.TRANSFER_OUT, from, take.lot(), take.quantity(), -take.quantity(), 0);
                    to.add(take.lot(), take.expiresOn(), take.quantity());
                    op.append(MovementType.TRANSFER_IN, to, take.lot(), take.quantity(), take.quantity(), 0);
                }
            }
            case ADJUSTMENT -> {
                Held held = hold(source);
                if (r.reason().increases()) {
                    held.add(r.lot(), r.expiresOn(), quantity);
                    op.append(MovementType.ADJUSTMENT, held, r.lot(), quantity, quantity, 0);
                } else {
                    StockBalance balance = held.balance;
                    requireRemovable(balance, quantity, r.floorOverride());
                    for (LotQuantity take : held.take(quantity, r.lot(), null, true, null)) {
                        op.append(MovementType.ADJUSTMENT, held, take.lot(), take.quantity(), -take.quantity(), 0);
                    }
                }
            }
        }
        return op.result();
    }

    /**
     * Checks, without recording it, that an adjustment could be recorded now: the same 400, 404
     * and 409 answers as {@link #record}. Used before a large adjustment waits for approval.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void check(MovementRequest r) {
        validateShape(r);
        catalog.depot(r.depot());
        catalog.item(r.item());
        DepotItem key = new DepotItem(r.depot(), r.item());
        StockBalance balance = Optional.ofNullable(em.find(StockBalance.class, key)).orElseGet(() -> {
            StockBalance none = new StockBalance();
            none.id = key;
            return none;
        });
        balance.expiredOnHand = lots(key).stream().filter(l -> expired(l, LocalDate.now(clock)))
                .mapToLong(l -> l.quantity).sum();
        if (r.type() == MovementRequest.Kind.ADJUSTMENT && !r.reason().increases()) {
            requireRemovable(balance, r.quantity(), r.floorOverride());
            if (r.lot() != null) {
                List<StockLot> named = lots(key).stream().filter(l -> l.id.lot.equals(r.lot())).toList();
                if (named.isEmpty()) {
                    throw ProblemException.notFound("Lot", r.lot() + " of " + key, "lot");
                }
                long held = named.stream().mapToLong(l -> l.quantity).sum();
                if (held < r.quantity()) {
                    throw ProblemException.conflict("insufficient-lot-stock", "Lot '" + r.lot() + "' of " + key
                            + " holds " + held + "; asked for " + r.quantity());
                }
            }
        } else if (r.expiresOn() == null && lots(key).stream().noneMatch(l -> l.id.lot.equals(r.lot()))) {
            throw ProblemException.invalidField("expiresOn", "lot '" + r.lot() + "' is new here: give its expiry date");
        }
    }

    /**
     * Holds stock for an allocation; refused (409) when it is not available or would cross the floor.
     * Only admins and schedulers may override the floor (403).
     */
    public StockReservation reserve(NewReservation r, String actor) {
        caller.requireFloorOverrideRight(r.floorOverride());
        return reserve(r, null, actor);
    }

    /**
     * Holds stock for a record of another context ({@code owner}, e.g. {@code shipment:12}): only
     * that record releases or consumes it, through {@link #releaseOwned} and {@link #dispatch}.
     */
    public StockReservation reserve(NewReservation r, String owner, String actor) {
        Held held = hold(new DepotItem(r.depot(), r.item()));
        requireWithdrawable(held.balance, r.quantity(), r.floorOverride());
        Operation op = new Operation(actor, clock.instant(), null);
        op.append(MovementType.RESERVE, held, null, r.quantity(), 0, r.quantity(), r.reference(), r.floorOverride());
        StockReservation reservation = new StockReservation();
        reservation.depotCode = r.depot();
        reservation.itemCode = r.item();
        reservation.quantity = r.quantity();
        reservation.state = StockReservation.State.ACTIVE;
        reservation.reference = r.reference();
        reservation.ownedBy = owner;
        reservation.createdAt = op.at;
        reservation.createdBy = actor;
        reservation.persist();
        return reservation;
    }

    /**
     * Gives held stock back by hand; a reservation that is no longer active is a 409, and so is
     * one another record owns (released only through that record, so it is never left holding a
     * reservation that is gone).
     */
    public StockReservation release(long reservationId, String actor) {
        StockReservation reservation = reservation(reservationId);
        if (reservation.ownedBy != null) {
            throw ProblemException.conflict("reservation-owned", "Reservation " + reservationId + " is held by "
                    + reservation.ownedBy + "; release it through that record (cancel the shipment)")
                    .with("reference", reservation.ownedBy);
        }
        return release(reservation, actor);
    }

    /**
     * Gives back what its owner held. A reservation already released (by hand, before owned ones
     * were refused) has nothing left to give back, and its owner may still be called off.
     */
    public StockReservation releaseOwned(long reservationId, String actor) {
        StockReservation reservation = reservation(reservationId);
        if (reservation.state == StockReservation.State.RELEASED) {
            return reservation;
        }
        return release(reservation, actor);
    }

    private StockReservation release(StockReservation reservation, String actor) {
        long reservationId = reservation.id;
        Held held = hold(new DepotItem(reservation.depotCode, reservation.itemCode));
        // Re-read under the balance lock: a concurrent release of the same reservation waited for it.
        em.refresh(reservation);
        if (reservation.state != StockReservation.State.ACTIVE) {
            throw ProblemException.conflict("reservation-closed",
                    "Reservation " + reservationId + " is already " + reservation.state);
        }
        Operation op = new Operation(actor, clock.instant(), null);
        op.append(MovementType.RELEASE, held, null, reservation.quantity, 0, -reservation.quantity,
                reservation.reference, null);
        reservation.state = StockReservation.State.RELEASED;
        reservation.closedAt = op.at;
        reservation.closedBy = actor;
        return reservation;
    }

    /**
     * Ships reserved stock out: the reservation is consumed (a RELEASE) and the units leave the
     * depot (a TRANSFER_OUT per lot, earliest-expiring first). Answers the lots that left.
     */
    public List<LotQuantity> dispatch(long reservationId, String reference, String actor) {
        return dispatch(reservationId, reference, null, actor);
    }

    /**
     * {@link #dispatch(long, String, String)}, taking first the lots that do not expire before
     * {@code lastsUntil} (earliest-expiring first among them), and shorter-dated lots only when
     * those do not suffice: stock that expires before a request needs it goes to another request.
     */
    public List<LotQuantity> dispatch(long reservationId, String reference, LocalDate lastsUntil, String actor) {
        StockReservation reservation = reservation(reservationId);
        Held held = hold(new DepotItem(reservation.depotCode, reservation.itemCode));
        em.refresh(reservation);
        if (reservation.state != StockReservation.State.ACTIVE) {
            throw ProblemException.conflict("reservation-closed",
                    "Reservation " + reservationId + " is already " + reservation.state);
        }
        Operation op = new Operation(actor, clock.instant(), null);
        op.append(MovementType.RELEASE, held, null, reservation.quantity, 0, -reservation.quantity, reference, null);
        if (held.unexpired() < reservation.quantity) {
            throw ProblemException.conflict("insufficient-stock", "Only " + held.unexpired() + " of " + held.balance.id
                    + " have not expired; reservation " + reservationId + " holds " + reservation.quantity
                    + ": cancel it and plan again").with("available", held.balance.available());
        }
        List<LotQuantity> lots = held.take(reservation.quantity, null, null, false, lastsUntil);
        for (LotQuantity lot : lots) {
            op.append(MovementType.TRANSFER_OUT, held, lot.lot(), lot.quantity(), -lot.quantity(), 0, reference, null);
        }
        reservation.state = StockReservation.State.CONSUMED;
        reservation.closedAt = op.at;
        reservation.closedBy = actor;
        return lots;
    }

    /** Books shipped lots in at a depot (a TRANSFER_IN per lot). */
    public void receive(String depot, String item, List<LotQuantity> lots, String reference, String actor) {
        Held held = hold(new DepotItem(depot, item));
        Operation op = new Operation(actor, clock.instant(), null);
        for (LotQuantity lot : lots) {
            held.add(lot.lot(), lot.expiresOn(), lot.quantity());
            op.append(MovementType.TRANSFER_IN, held, lot.lot(), lot.quantity(), lot.quantity(), 0, reference, null);
        }
    }

    /**
     * Writes off lots that left {@code depot} and never arrived: booked back in at the depot they
     * left (a TRANSFER_IN per lot) and adjusted out with the reason (an ADJUSTMENT per lot), so
     * the loss is on the ledger where the stock was last held. The net change is zero, so no
     * floor applies.
     */
    public void writeOffInTransit(String depot, String item, List<LotQuantity> lots, AdjustmentReason reason,
            String note, String reference, String actor) {
        if (reason.increases()) {
            throw ProblemException.invalidField("reason", "a write-off removes stock: " + reason + " adds");
        }
        Held held = hold(new DepotItem(depot, item));
        Operation op = new Operation(actor, clock.instant(), null);
        for (LotQuantity lot : lots) {
            held.add(lot.lot(), lot.expiresOn(), lot.quantity());
            op.append(MovementType.TRANSFER_IN, held, lot.lot(), lot.quantity(), lot.quantity(), 0, reference, null);
            for (LotQuantity take : held.take(lot.quantity(), lot.lot(), lot.expiresOn(), true, null)) {
                op.append(MovementType.ADJUSTMENT, held, take.lot(), take.quantity(), -take.quantity(), 0, reference,
                        null, reason, note);
            }
        }
        em.flush();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StockReservation reservation(long id) {
        return StockReservation.<StockReservation>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Reservation", id));
    }

    public BalanceView setReserveFloor(String depot, String item, long floor, String actor) {
        Held held = hold(new DepotItem(depot, item));
        audit.record("StockBalance", depot + "/" + item, owner(depot), "SET_RESERVE_FLOOR", held.balance.reserveFloor,
                floor, actor);
        held.balance.reserveFloor = floor;
        held.balance.lastChange.record(actor, clock.instant());
        em.flush();
        return held.view();
    }

    /** A movement as the caller may see it: for an officer, one at another county's depot is a 404, as for none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StockMovement movement(long id) {
        StockMovement movement = StockMovement.<StockMovement>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Movement", id));
        caller.requireCounty(catalog.depot(movement.depotCode).owningCounty().orElse(null), "Movement", id);
        return movement;
    }

    /** Movements newest first, narrowed by depots (empty: all), item and a time window. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<StockMovement> movements(Optional<List<String>> depots, Optional<String> item,
            Optional<Instant> from, Optional<Instant> to, int page, int size) {
        Filter filter = new Filter().and(depots, "depotCode in :depots", "depots").and(item, "itemCode = :item", "item")
                .and(from, "occurredAt >= :from", "from").and(to, "occurredAt < :to", "to");
        if (depots.isPresent() && depots.get().isEmpty()) {
            return new ResultPage<>(List.of(), page, size, 0);
        }
        var found = StockMovement.<StockMovement>find(filter.query(),
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), filter.parameters());
        return ResultPage.of(found, page, size);
    }

    /** How many depot-items in service have less available than their reserve floor (a gauge of the city's stock). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long belowFloorCount() {
        return balances(catalog.depots(Optional.empty()).stream().map(d -> d.code).toList(), Optional.empty())
                .stream().filter(b -> b.reserveFloor > 0 && b.available() < b.reserveFloor).count();
    }

    /** Balances with what of them has expired today (one query for the expired lots of all). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StockBalance> balances(List<String> depots, Optional<String> item) {
        if (depots.isEmpty()) {
            return List.of();
        }
        List<StockBalance> balances = item.map(i -> StockBalance.<StockBalance>list(
                        "id.depotCode in ?1 and id.itemCode = ?2", Sort.by("id.depotCode").and("id.itemCode"), depots, i))
                .orElseGet(() -> StockBalance.list("id.depotCode in ?1", Sort.by("id.depotCode").and("id.itemCode"),
                        depots));
        Map<DepotItem, Long> expired = StockLot.<StockLot>list("id.depotCode in ?1 and quantity > 0 and expiresOn <= ?2",
                        depots, LocalDate.now(clock)).stream()
                .collect(Collectors.groupingBy(l -> new DepotItem(l.id.depotCode, l.id.itemCode),
                        Collectors.summingLong(l -> l.quantity)));
        balances.forEach(b -> b.expiredOnHand = expired.getOrDefault(b.id, 0L));
        return balances;
    }

    /**
     * A lot is expired on its expiry date and after (a receipt must expire after today): it is
     * never issued, reserved, shipped or counted as available, and leaves by an EXPIRY adjustment.
     */
    static boolean expired(StockLot lot, LocalDate today) {
        return !lot.expiresOn.isAfter(today);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StockLot> lots(DepotItem key) {
        return StockLot.list("id.depotCode = ?1 and id.itemCode = ?2", Sort.by("expiresOn").and("id.lot"),
                key.depotCode, key.itemCode);
    }

    /** Lots holding stock of {@code items} at any depot, from one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StockLot> lotsOf(java.util.Collection<String> items) {
        return items.isEmpty() ? List.of() : StockLot.list("quantity > 0 and id.itemCode in ?1", items);
    }

    /** Lots holding stock that expire on or before {@code date}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StockLot> lotsExpiringBy(LocalDate date) {
        return StockLot.list("quantity > 0 and expiresOn <= ?1", Sort.by("expiresOn"), date);
    }

    /** Views of balances with their lots, from one query for all the lots of their depots. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BalanceView> views(List<StockBalance> balances) {
        if (balances.isEmpty()) {
            return List.of();
        }
        List<String> depots = balances.stream().map(b -> b.id.depotCode).distinct().toList();
        Map<DepotItem, List<StockLot>> lots = StockLot.<StockLot>list("id.depotCode in ?1",
                        Sort.by("expiresOn").and("id.lot"), depots).stream()
                .collect(Collectors.groupingBy(l -> new DepotItem(l.id.depotCode, l.id.itemCode)));
        return balances.stream().map(b -> BalanceView.of(b, lots.getOrDefault(b.id, List.of()))).toList();
    }

    private void validateShape(MovementRequest r) {
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        boolean withdraws = r.type() == MovementRequest.Kind.ISSUE || r.type() == MovementRequest.Kind.TRANSFER;
        errors.check(r.type() == MovementRequest.Kind.TRANSFER || r.toDepot() == null, "toDepot",
                "only a TRANSFER has a destination depot");
        errors.check(r.type() == MovementRequest.Kind.ADJUSTMENT || r.reason() == null, "reason",
                "only an ADJUSTMENT has a reason");
        boolean removes = r.type() == MovementRequest.Kind.ADJUSTMENT && r.reason() != null && !r.reason().increases();
        errors.check(withdraws || removes || r.floorOverride() == null, "floorOverride",
                "only an ISSUE, TRANSFER or stock-reducing ADJUSTMENT can override a reserve floor");
        errors.check(r.expiresOn() == null || r.expiresOn().isAfter(today), "expiresOn",
                "must be after today; expired stock is not received");
        switch (r.type()) {
            case RECEIPT -> errors.check(r.lot() != null, "lot", "a receipt names its lot")
                    .check(r.expiresOn() != null, "expiresOn", "a receipt gives the lot's expiry date");
            case TRANSFER -> {
                errors.check(r.toDepot() != null && !r.toDepot().isBlank(), "toDepot", "a transfer needs a destination");
                if (r.depot().equals(r.toDepot())) {
                    throw ProblemException.badRequest("same-depot", "A transfer needs two different depots");
                }
            }
            case ADJUSTMENT -> errors.check(r.reason() != null, "reason",
                    "an adjustment gives its reason: COUNT_SURPLUS, COUNT_SHORTAGE, DAMAGE or EXPIRY")
                    .check(r.reason() == null || !r.reason().increases() || r.lot() != null, "lot",
                            "an adjustment that adds stock names its lot");
            case ISSUE -> errors.check(r.expiresOn() == null, "expiresOn", "an issue takes existing lots");
        }
        boolean bringsIn = r.type() == MovementRequest.Kind.RECEIPT
                || r.type() == MovementRequest.Kind.ADJUSTMENT && r.reason() != null && r.reason().increases();
        if (!bringsIn && r.type() != MovementRequest.Kind.ISSUE) {
            errors.check(r.expiresOn() == null, "expiresOn", "only stock coming in has an expiry date to set");
        }
        errors.throwIfAny();
    }

    /**
     * The balance of {@code key} and its lots, locked for this transaction: every change to a
     * lot happens under its balance's lock. Where a balance exists its depot and item do
     * (foreign keys), so the catalog is read only for a first balance: a 404 for an unknown
     * depot or item, else a new balance row. A concurrent first insert fails on the primary key
     * and that request answers 409, to be retried.
     */
    private Held hold(DepotItem key) {
        StockBalance balance = em.find(StockBalance.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (balance != null) {
            return new Held(balance, new ArrayList<>(lots(key)));
        }
        catalog.depot(key.depotCode);
        catalog.item(key.itemCode);
        balance = new StockBalance();
        balance.id = key;
        balance.lastChange.record(CallerContext.system("ledger"), clock.instant());
        em.persist(balance);
        em.flush();
        return new Held(balance, new ArrayList<>());
    }

    /** The county a depot's records belong to, for the audit trail; null for a city-level depot. */
    private String owner(String depot) {
        return Optional.ofNullable(em.find(Depot.class, depot)).flatMap(Depot::owningCounty).orElse(null);
    }

    /**
     * A stock-reducing adjustment: not more than is on hand, never into what reservations hold,
     * and, like an issue, not below the reserve floor without an override.
     */
    private void requireRemovable(StockBalance balance, long quantity, String floorOverride) {
        if (quantity > balance.onHand) {
            throw ProblemException.conflict("insufficient-stock", "Only " + balance.onHand + " of " + balance.id
                    + " are on hand; asked to remove " + quantity).with("available", balance.available());
        }
        // Expired lots go first; reservations and the floor count only what has not expired.
        long unexpiredRemoved = Math.max(0, quantity - balance.expiredOnHand);
        long unexpiredLeft = balance.onHand - balance.expiredOnHand - unexpiredRemoved;
        if (unexpiredLeft < balance.reserved) {
            throw ProblemException.conflict("reserved-stock", "Removing " + quantity + " would leave "
                    + unexpiredLeft + " usable on hand, less than the " + balance.reserved
                    + " reserved for allocations; release reservations first");
        }
        if (unexpiredRemoved > 0) {
            requireFloorKept(balance, unexpiredRemoved, floorOverride);
        }
    }

    private void requireWithdrawable(StockBalance balance, long quantity, String floorOverride) {
        if (balance.available() < quantity) {
            throw ProblemException.conflict("insufficient-stock", "Only " + balance.available() + " of "
                    + balance.id + " are available (on hand " + balance.onHand + ", reserved " + balance.reserved
                    + "); asked for " + quantity).with("available", balance.available());
        }
        requireFloorKept(balance, quantity, floorOverride);
    }

    private void requireFloorKept(StockBalance balance, long quantity, String floorOverride) {
        long left = balance.available() - quantity;
        if (left < balance.reserveFloor && floorOverride == null) {
            throw ProblemException.conflict("reserve-floor", "Taking " + quantity + " of " + balance.id
                    + " would leave " + left + " available, below the reserve floor of " + balance.reserveFloor
                    + "; overriding it takes a reason (floorOverride) from someone allowed to override a floor")
                    .with("available", balance.available()).with("reserveFloor", balance.reserveFloor);
        }
    }

    /** A locked balance with its lots, loaded once per request. */
    private final class Held {
        final StockBalance balance;
        final List<StockLot> lots;

        final LocalDate today = LocalDate.now(clock);

        Held(StockBalance balance, List<StockLot> lots) {
            this.balance = balance;
            this.lots = lots;
            refreshExpired();
        }

        void refreshExpired() {
            balance.expiredOnHand = lots.stream().filter(l -> expired(l, today)).mapToLong(l -> l.quantity).sum();
        }

        /** On hand in lots that have not expired: what issues, transfers and dispatches can take. */
        long unexpired() {
            return balance.onHand - balance.expiredOnHand;
        }

        /**
         * Adds to the lot of that name and expiry, or creates it. Without an expiry the name must
         * point at exactly one lot here (400 otherwise: new here, or held with several expiries).
         */
        void add(String lot, LocalDate expiresOn, long quantity) {
            List<StockLot> named = lots.stream().filter(l -> l.id.lot.equals(lot)
                    && (expiresOn == null || expiresOn.equals(l.expiresOn))).toList();
            if (expiresOn == null && named.size() != 1) {
                throw ProblemException.invalidField("expiresOn", named.isEmpty()
                        ? "lot '" + lot + "' is new here: give its expiry date"
                        : "lot '" + lot + "' is held here with " + named.size() + " expiry dates: give the one meant");
            }
            if (named.isEmpty()) {
                StockLot created = new StockLot();
                created.id = new StockLot.Key(balance.id, lot, expiresOn);
                created.expiresOn = expiresOn;
                created.quantity = quantity;
                created.persist();
                lots.add(created);
                return;
            }
            named.get(0).quantity += quantity;
        }

        /**
         * Takes from the named lot (all its expiries), or from all lots, earliest-expiring first,
         * never from an expired lot: what leaves by issue, transfer or dispatch.
         */
        List<LotQuantity> take(long quantity, String namedLot) {
            if (namedLot != null && lots.stream().anyMatch(l -> l.id.lot.equals(namedLot) && l.quantity > 0)
                    && lots.stream().filter(l -> l.id.lot.equals(namedLot) && l.quantity > 0)
                            .allMatch(l -> expired(l, today))) {
                throw ProblemException.conflict("lot-expired", "Lot '" + namedLot + "' of " + balance.id
                        + " has expired; it leaves only by an ADJUSTMENT with reason EXPIRY");
            }
            return take(quantity, namedLot, null, false, null);
        }

        /**
         * Takes from the named lot of that expiry (of any, when null), earliest-expiring first;
         * expired lots only where {@code includingExpired} (adjustments: expired lots go first); lots
         * that last until {@code lastsUntil}, when given, before those that do not.
         */
        List<LotQuantity> take(long quantity, String namedLot, LocalDate expiresOn, boolean includingExpired,
                LocalDate lastsUntil) {
            List<StockLot> from = lots.stream().filter(l -> l.quantity > 0)
                    .filter(l -> includingExpired || !expired(l, today))
                    .filter(l -> namedLot == null || l.id.lot.equals(namedLot))
                    .filter(l -> expiresOn == null || expiresOn.equals(l.expiresOn))
                    .sorted(Comparator.comparing((StockLot l) -> lastsUntil != null && l.expiresOn != null
                                    && l.expiresOn.isBefore(lastsUntil))
                            .thenComparing(l -> l.expiresOn).thenComparing(l -> l.id.lot))
                    .toList();
            if (namedLot != null) {
                if (lots.stream().noneMatch(l -> l.id.lot.equals(namedLot))) {
                    throw ProblemException.notFound("Lot", namedLot + " of " + balance.id, "lot");
                }
                long held = from.stream().mapToLong(l -> l.quantity).sum();
                if (held < quantity) {
                    throw ProblemException.conflict("insufficient-lot-stock", "Lot '" + namedLot + "' of "
                            + balance.id + " holds " + held + "; asked for " + quantity);
                }
            }
            List<LotQuantity> takes = new ArrayList<>();
            long left = quantity;
            for (StockLot lot : from) {
                long take = Math.min(left, lot.quantity);
                lot.quantity -= take;
                takes.add(new LotQuantity(lot.id.lot, lot.expiresOn, take));
                left -= take;
                if (left == 0) {
                    return takes;
                }
            }
            // Lots always sum to on hand; reaching here means the ledger is inconsistent.
            throw new IllegalStateException("Lots of " + balance.id + " hold less than on hand");
        }

        BalanceView view() {
            refreshExpired();
            return BalanceView.of(balance, lots);
        }
    }

    /** One request's movements, sharing an operation id, and the balances they changed. */
    private final class Operation {
        final String id = UUID.randomUUID().toString();
        final String actor;
        final Instant at;
        final MovementRequest request;
        final List<StockMovement> movements = new ArrayList<>();
        final List<Held> touched = new ArrayList<>();
        final List<Held> overridden = new ArrayList<>();

        Operation(String actor, Instant at, MovementRequest request) {
            this.actor = actor;
            this.at = at;
            this.request = request;
        }

        void append(MovementType type, Held held, String lot, long quantity, long onHandChange,
                long reservedChange) {
            append(type, held, lot, quantity, onHandChange, reservedChange, request.reference(),
                    request.floorOverride(), request.reason(), request.note());
        }

        void append(MovementType type, Held held, String lot, long quantity, long onHandChange,
                long reservedChange, String reference, String floorOverride) {
            append(type, held, lot, quantity, onHandChange, reservedChange, reference, floorOverride, null, null);
        }

        // Every field is set before persist: a movement is immutable, later changes are never written.
        void append(MovementType type, Held held, String lot, long quantity, long onHandChange,
                long reservedChange, String reference, String floorOverride, AdjustmentReason reason, String note) {
            StockBalance balance = held.balance;
            StockMovement m = new StockMovement();
            m.operationId = id;
            m.type = type;
            m.depotCode = balance.id.depotCode;
            m.itemCode = balance.id.itemCode;
            m.lot = lot;
            m.quantity = quantity;
            m.onHandChange = onHandChange;
            m.reservedChange = reservedChange;
            m.reference = reference;
            m.floorOverride = floorOverride;
            m.reason = reason;
            m.note = note;
            m.actor = actor;
            m.occurredAt = at;
            m.persist();
            balance.onHand += onHandChange;
            balance.reserved += reservedChange;
            balance.lastChange.record(actor, at);
            // An override the operation actually used: it took available stock below the floor (recorded
            // once per balance, with the movement that did it).
            if (floorOverride != null && onHandChange - reservedChange < 0 && balance.available() < balance.reserveFloor
                    && !overridden.contains(held)) {
                overridden.add(held);
                audit.record("StockMovement", m.id, owner(m.depotCode), "FLOOR_OVERRIDE", null, type + " of "
                        + quantity + " " + m.itemCode + " at " + m.depotCode + " took available stock to " + balance.available()
                        + ", below the floor of " + balance.reserveFloor + ": " + floorOverride, actor);
            }
            movements.add(m);
            if (!touched.contains(held)) {
                touched.add(held);
            }
        }

        MovementResult result() {
            em.flush();
            return new MovementResult(movements.stream().map(MovementView::of).toList(),
                    touched.stream().map(Held::view).toList());
        }
    }

    /**
     * How far stock balances have changed (every movement and floor change moves one)
     * ({@link ChangeMarks}): the planner compares it with the state its last run started from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String changeMark() {
        return ChangeMarks.of(StockBalance.class);
    }
}
