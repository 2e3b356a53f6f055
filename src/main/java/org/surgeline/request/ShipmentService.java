package org.surgeline.request;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.Filter;
import org.surgeline.platform.Locks;
import org.surgeline.platform.ProblemException;
import org.surgeline.stock.AdjustmentReason;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.LedgerService;
import org.surgeline.stock.StockConfig;
import org.surgeline.stock.LotQuantity;
import org.surgeline.stock.NewReservation;
import org.surgeline.stock.StockReservation;

/**
 * Shipments of supply lines: planning reserves stock at the source, dispatch turns the reservation
 * into a transfer out, delivery books a transfer in at the county's warehouse. The line's
 * quantities and the request's status follow.
 */
@ApplicationScoped
@Transactional
public class ShipmentService {

    static final Set<RequestStatus> SHIPPABLE =
            Set.of(RequestStatus.APPROVED, RequestStatus.PLANNED, RequestStatus.DISPATCHED);

    @Inject
    RequestService requests;
    @Inject
    CatalogService catalog;
    @Inject
    LedgerService ledger;
    @Inject
    StockConfig stockConfig;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    /** Plans a shipment for the caller: only admins and schedulers may override a reserve floor (403). */
    public ShipmentView plan(NewShipment n, String actor) {
        caller.requireFloorOverrideRight(n.floorOverride());
        return plan(n, null, actor);
    }

    /** Plans a shipment on behalf of a deployment plan, which may take it back while it is PLANNED. */
    public ShipmentView plan(NewShipment n, Long planId, String actor) {
        AllocationRequest request = requests.lock(n.requestId());
        requireShippable(request);
        AllocationLine line = request.line(n.lineNo());
        if (line.kind != LineKind.SUPPLY) {
            throw ProblemException.invalidField("lineNo", "line " + n.lineNo() + " asks for " + line.kind
                    + "; only SUPPLY lines are shipped");
        }
        if (n.quantity() > line.unplanned()) {
            throw ProblemException.conflict("over-requested", "Line " + n.lineNo() + " has " + line.unplanned()
                    + " left to plan; asked to ship " + n.quantity()).with("unplanned", line.unplanned());
        }
        catalog.activeDepot(n.fromDepot());
        Instant now = clock.instant();
        Shipment shipment = new Shipment();
        shipment.requestId = request.id;
        shipment.lineId = line.id;
        shipment.fromDepot = n.fromDepot();
        shipment.toCounty = request.countyCode;
        shipment.itemCode = line.itemCode;
        shipment.quantity = n.quantity();
        shipment.state = ShipmentState.PLANNED;
        shipment.planId = planId;
        shipment.createdAt = now;
        shipment.lastChange.record(actor, now);
        shipment.persist();
        shipment.reference = "shipment:" + shipment.id;
        StockReservation reservation = ledger.reserve(new NewReservation(n.fromDepot(), line.itemCode, n.quantity(),
                shipment.reference, n.floorOverride()), shipment.reference, actor);
        shipment.reservationId = reservation.id;
        line.quantityPlanned += n.quantity();
        if (request.status == RequestStatus.APPROVED) {
            request.moveTo(RequestStatus.PLANNED, actor, now);
        }
        return ShipmentView.of(shipment);
    }

    /** Dispatches a planned shipment of a request that is still to be shipped (not cancelled or closed). */
    public ShipmentView dispatch(long id, String actor) {
        AllocationRequest request = lockRequestOf(id);
        Shipment shipment = lock(id, ShipmentState.PLANNED);
        requireShippable(request);
        List<LotQuantity> lots = ledger.dispatch(shipment.reservationId, shipment.reference,
                request.neededBy.plusDays(stockConfig.expiryMarginDays()), actor);
        for (LotQuantity l : lots) {
            Shipment.Lot lot = new Shipment.Lot();
            lot.lot = l.lot();
            lot.expiresOn = l.expiresOn();
            lot.quantity = l.quantity();
            shipment.lots.add(lot);
        }
        move(shipment, ShipmentState.DISPATCHED, actor);
        line(request, shipment).quantityDispatched += shipment.quantity;
        if (request.status == RequestStatus.PLANNED) {
            request.moveTo(RequestStatus.DISPATCHED, actor, shipment.lastChange.at());
        }
        return ShipmentView.of(shipment);
    }

    /** Books the shipment in at the county's warehouse; the request is FULFILLED once every line is. */
    public ShipmentView deliver(long id, String actor) {
        AllocationRequest request = lockRequestOf(id);
        Shipment shipment = lock(id, ShipmentState.DISPATCHED);
        requireShippable(request);
        shipment.toDepot = catalog.countyWarehouse(shipment.toCounty, actor).code;
        ledger.receive(shipment.toDepot, shipment.itemCode, lots(shipment), shipment.reference, actor);
        move(shipment, ShipmentState.DELIVERED, actor);
        line(request, shipment).quantityDelivered += shipment.quantity;
        if (request.status == RequestStatus.DISPATCHED && RequestService.complete(request)) {
            request.moveTo(RequestStatus.FULFILLED, actor, shipment.lastChange.at());
        }
        return ShipmentView.of(shipment);
    }

    /**
     * Brings a dispatched shipment back to its source: its lots are booked in there again
     * (TRANSFER_IN), and the line may be planned again.
     */
    public ShipmentView returnToSource(long id, String actor) {
        AllocationRequest request = lockRequestOf(id);
        Shipment shipment = lock(id, ShipmentState.DISPATCHED);
        ledger.receive(shipment.fromDepot, shipment.itemCode, lots(shipment), shipment.reference, actor);
        end(shipment, request, ShipmentState.RETURNED, actor);
        return ShipmentView.of(shipment);
    }

    /**
     * Writes off a dispatched shipment that will never arrive (lost, damaged), with a reason that
     * removes stock: booked back at its source and adjusted out there. The line may be planned again.
     */
    public ShipmentView writeOff(long id, AdjustmentReason reason, String note, String actor) {
        AllocationRequest request = lockRequestOf(id);
        Shipment shipment = lock(id, ShipmentState.DISPATCHED);
        ledger.writeOffInTransit(shipment.fromDepot, shipment.itemCode, lots(shipment), reason, note,
                shipment.reference, actor);
        end(shipment, request, ShipmentState.WRITTEN_OFF, actor);
        return ShipmentView.of(shipment);
    }

    /** A dispatched shipment that did not arrive: the line no longer counts it as planned or on its way. */
    private void end(Shipment shipment, AllocationRequest request, ShipmentState to, String actor) {
        move(shipment, to, actor);
        AllocationLine line = line(request, shipment);
        line.quantityDispatched -= shipment.quantity;
        line.quantityPlanned -= shipment.quantity;
    }

    private static List<LotQuantity> lots(Shipment shipment) {
        return shipment.lots.stream().map(l -> new LotQuantity(l.lot, l.expiresOn, l.quantity)).toList();
    }

    /** Calls a shipment off before dispatch: the reservation is released. */
    public ShipmentView cancel(long id, String actor) {
        AllocationRequest request = lockRequestOf(id);
        Shipment shipment = lock(id, ShipmentState.PLANNED);
        callOff(shipment, request, actor);
        return ShipmentView.of(shipment);
    }

    /** Shipments a plan created that have not left their depot. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Shipment> plannedBy(long planId) {
        return Shipment.list("planId = ?1 and state = ?2", Sort.by("id"), planId, ShipmentState.PLANNED);
    }

    /**
     * The requests with shipments a plan created that have not left their depot, read without
     * loading the shipments: the caller locks these requests before it locks the shipments.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> requestsPlannedBy(long planId) {
        return em.createQuery("select distinct s.requestId from Shipment s where s.planId = :plan and s.state = :state",
                Long.class).setParameter("plan", planId).setParameter("state", ShipmentState.PLANNED).getResultList();
    }

    /**
     * Calls off every shipment a plan created that has not left its depot; returns how many.
     * Requests are locked first and the shipments re-read under their locks, the one order.
     */
    public int callOffPlanned(long planId, String actor) {
        requests.lockAll(requestsPlannedBy(planId));
        List<Shipment> planned = Shipment.<Shipment>find("planId = ?1 and state = ?2", Sort.by("id"), planId,
                ShipmentState.PLANNED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Shipment shipment : planned) {
            callOff(shipment, requests.lock(shipment.requestId), actor);
        }
        return planned.size();
    }

    /** Calls off every planned shipment of a request that its caller has locked; returns how many. */
    int callOffAll(AllocationRequest request, String actor) {
        List<Shipment> planned = Shipment.<Shipment>find("requestId = ?1 and state = ?2", Sort.by("id"), request.id,
                ShipmentState.PLANNED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Shipment shipment : planned) {
            callOff(shipment, request, actor);
        }
        return planned.size();
    }

    /** Calls off a planned shipment of a locked request: reservation released, line unplanned. */
    void callOff(Shipment shipment, AllocationRequest request, String actor) {
        ledger.releaseOwned(shipment.reservationId, actor);
        move(shipment, ShipmentState.CANCELLED, actor);
        line(request, shipment).quantityPlanned -= shipment.quantity;
        requests.reopenIfNothingPlanned(request, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shipment get(long id) {
        return Shipment.<Shipment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Shipment", id));
    }

    /** The shipment as the caller may see it: for an officer, one to another county is a 404, as for none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Shipment visible(long id) {
        Shipment shipment = get(id);
        caller.requireCounty(shipment.toCounty, "Shipment", id);
        return shipment;
    }

    /**
     * Shipments newest first, narrowed by state, request and the destination county asked for; an
     * officer's are narrowed to their own county, and asking for another is a 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<Shipment> list(Optional<String> askedCounty, Optional<ShipmentState> state, Optional<Long> requestId,
            int page, int size) {
        Optional<String> county = caller.readScope(askedCounty.orElse(null));
        Filter filter = new Filter().and(county, "toCounty = :county", "county").and(state, "state = :state", "state")
                .and(requestId, "requestId = :request", "request");
        return ResultPage.of(Shipment.<Shipment>find(filter.query(), Sort.descending("id"), filter.parameters()), page, size);
    }

    /**
     * Locks the request a shipment belongs to. The one lock order is the request, then its
     * shipments, then stock balances: the shipment is only read (its request id, not the entity)
     * before its request is locked, then locked and read afresh.
     */
    private AllocationRequest lockRequestOf(long shipmentId) {
        Long requestId = em.createQuery("select s.requestId from Shipment s where s.id = :id", Long.class)
                .setParameter("id", shipmentId).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Shipment", shipmentId));
        return requests.lock(requestId);
    }

    private static void requireShippable(AllocationRequest request) {
        if (!SHIPPABLE.contains(request.status)) {
            throw ProblemException.conflict("request-not-shippable", "Request " + request.id + " is " + request.status
                    + "; only APPROVED, PLANNED or DISPATCHED requests are shipped").with("current", request.status);
        }
    }

    /**
     * Locks a shipment in the state a move needs: 404 when unknown (or, for an officer, to another
     * county), 409 in another state.
     */
    private Shipment lock(long id, ShipmentState expected) {
        Shipment shipment = Locks.existing(em, Shipment.class, id, "Shipment");
        caller.requireCounty(shipment.toCounty, "Shipment", id);
        if (shipment.state != expected) {
            throw ProblemException.conflict("illegal-shipment-state", "Shipment " + id + " is " + shipment.state
                    + "; this needs it " + expected).with("state", shipment.state);
        }
        return shipment;
    }

    private void move(Shipment shipment, ShipmentState to, String actor) {
        shipment.state = to;
        shipment.lastChange.record(actor, clock.instant());
    }

    private static AllocationLine line(AllocationRequest request, Shipment shipment) {
        return request.lines.stream().filter(l -> l.id == shipment.lineId).findFirst().orElseThrow();
    }
}
