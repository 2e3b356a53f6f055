package org.surgeline.request;

import io.quarkus.panache.common.Parameters;
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
import org.surgeline.platform.Page;
import org.surgeline.platform.ProblemException;
import org.surgeline.stock.CatalogService;
import org.surgeline.stock.LedgerService;
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

    private static final Set<RequestStatus> SHIPPABLE =
            Set.of(RequestStatus.APPROVED, RequestStatus.PLANNED, RequestStatus.DISPATCHED);

    @Inject
    RequestService requests;
    @Inject
    CatalogService catalog;
    @Inject
    LedgerService ledger;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public ShipmentView plan(NewShipment n, String actor) {
        return plan(n, null, actor);
    }

    /** Plans a shipment on behalf of a deployment plan, which may take it back while it is PLANNED. */
    public ShipmentView plan(NewShipment n, Long planId, String actor) {
        AllocationRequest request = requests.lock(n.requestId());
        if (!SHIPPABLE.contains(request.status)) {
            throw ProblemException.conflict("request-not-shippable", "Request " + request.id + " is " + request.status
                    + "; only APPROVED, PLANNED or DISPATCHED requests are shipped").with("status", request.status);
        }
        AllocationLine line = request.line(n.lineNo());
        if (line.kind != LineKind.SUPPLY) {
            throw ProblemException.invalidField("lineNo", "line " + n.lineNo() + " asks for " + line.kind
                    + "; only SUPPLY lines are shipped");
        }
        if (n.quantity() > line.unplanned()) {
            throw ProblemException.conflict("over-requested", "Line " + n.lineNo() + " has " + line.unplanned()
                    + " left to plan; asked to ship " + n.quantity()).with("unplanned", line.unplanned());
        }
        catalog.depot(n.fromDepot());
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
        shipment.updatedAt = now;
        shipment.updatedBy = actor;
        shipment.persist();
        shipment.reference = "shipment:" + shipment.id;
        StockReservation reservation = ledger.reserve(new NewReservation(n.fromDepot(), line.itemCode, n.quantity(),
                shipment.reference, n.floorOverride()), actor);
        shipment.reservationId = reservation.id;
        line.quantityPlanned += n.quantity();
        if (request.status == RequestStatus.APPROVED) {
            request.moveTo(RequestStatus.PLANNED, actor, now);
        }
        return ShipmentView.of(shipment);
    }

    public ShipmentView dispatch(long id, String actor) {
        Shipment shipment = lock(id, ShipmentState.PLANNED);
        AllocationRequest request = requests.lock(shipment.requestId);
        List<LotQuantity> lots = ledger.dispatch(shipment.reservationId, shipment.reference, actor);
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
            request.moveTo(RequestStatus.DISPATCHED, actor, shipment.updatedAt);
        }
        return ShipmentView.of(shipment);
    }

    /** Books the shipment in at the county's warehouse; the request is FULFILLED once every line is. */
    public ShipmentView deliver(long id, String actor) {
        Shipment shipment = lock(id, ShipmentState.DISPATCHED);
        AllocationRequest request = requests.lock(shipment.requestId);
        shipment.toDepot = catalog.countyWarehouse(shipment.toCounty, actor).code;
        ledger.receive(shipment.toDepot, shipment.itemCode, shipment.lots.stream()
                .map(l -> new LotQuantity(l.lot, l.expiresOn, l.quantity)).toList(), shipment.reference, actor);
        move(shipment, ShipmentState.DELIVERED, actor);
        line(request, shipment).quantityDelivered += shipment.quantity;
        if (request.status == RequestStatus.DISPATCHED && RequestService.complete(request)) {
            request.moveTo(RequestStatus.FULFILLED, actor, shipment.updatedAt);
        }
        return ShipmentView.of(shipment);
    }

    /** Calls a shipment off before dispatch: the reservation is released. */
    public ShipmentView cancel(long id, String actor) {
        Shipment shipment = lock(id, ShipmentState.PLANNED);
        callOff(shipment, requests.lock(shipment.requestId), actor);
        return ShipmentView.of(shipment);
    }

    /** Shipments a plan created that have not left their depot. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Shipment> plannedBy(long planId) {
        return Shipment.list("planId = ?1 and state = ?2", Sort.by("id"), planId, ShipmentState.PLANNED);
    }

    /** Shipments a plan created that have not left their depot, locked until the transaction ends. */
    public List<Shipment> lockPlannedBy(long planId) {
        return Shipment.<Shipment>find("planId = ?1 and state = ?2", Sort.by("id"), planId, ShipmentState.PLANNED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Calls off every shipment a plan created that has not left its depot; returns how many. */
    public int callOffPlanned(long planId, String actor) {
        List<Shipment> planned = lockPlannedBy(planId);
        for (Shipment shipment : planned) {
            callOff(shipment, requests.lock(shipment.requestId), actor);
        }
        return planned.size();
    }

    /** Calls off a planned shipment of a locked request: reservation released, line unplanned. */
    void callOff(Shipment shipment, AllocationRequest request, String actor) {
        ledger.release(shipment.reservationId, actor);
        move(shipment, ShipmentState.CANCELLED, actor);
        line(request, shipment).quantityPlanned -= shipment.quantity;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shipment get(long id) {
        return Shipment.<Shipment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Shipment", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Shipment> list(Optional<String> county, Optional<ShipmentState> state, Optional<Long> requestId,
            int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        county.ifPresent(c -> {
            query.append(" and toCounty = :county");
            params.and("county", c);
        });
        state.ifPresent(st -> {
            query.append(" and state = :state");
            params.and("state", st);
        });
        requestId.ifPresent(r -> {
            query.append(" and requestId = :request");
            params.and("request", r);
        });
        return Page.of(Shipment.<Shipment>find(query.toString(), Sort.descending("id"), params), page, size);
    }

    private Shipment lock(long id, ShipmentState expected) {
        Shipment shipment = em.find(Shipment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw ProblemException.notFound("Shipment", id);
        }
        if (shipment.state != expected) {
            throw ProblemException.conflict("illegal-shipment-state", "Shipment " + id + " is " + shipment.state
                    + "; this needs it " + expected).with("state", shipment.state);
        }
        return shipment;
    }

    private void move(Shipment shipment, ShipmentState to, String actor) {
        shipment.state = to;
        shipment.updatedAt = clock.instant();
        shipment.updatedBy = actor;
    }

    private static AllocationLine line(AllocationRequest request, Shipment shipment) {
        return request.lines.stream().filter(l -> l.id == shipment.lineId).findFirst().orElseThrow();
    }
}
