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
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.surgeline.platform.FieldErrors;
import org.surgeline.platform.ProblemException;
import org.surgeline.region.CountyService;
import org.surgeline.stock.CatalogService;

/** Allocation requests and their approval workflow. Status changes lock the request. */
@ApplicationScoped
@Transactional
public class RequestService {

    @Inject
    CountyService counties;
    @Inject
    CatalogService catalog;
    @Inject
    ShipmentService shipments;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public RequestView submit(NewAllocationRequest n, String county, String requester) {
        counties.get(county);
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors()
                .check(!n.neededBy().isBefore(today), "neededBy", "must be today or later");
        for (int i = 0; i < n.lines().size(); i++) {
            validateLine(n.lines().get(i), "lines[" + i + "].", today, errors);
        }
        errors.throwIfAny();

        Instant now = clock.instant();
        AllocationRequest request = new AllocationRequest();
        request.countyCode = county;
        request.requester = requester;
        request.priority = n.priority();
        request.neededBy = n.neededBy();
        request.justification = n.justification();
        request.status = RequestStatus.SUBMITTED;
        request.createdAt = now;
        request.updatedAt = now;
        request.updatedBy = requester;
        for (int i = 0; i < n.lines().size(); i++) {
            NewLine l = n.lines().get(i);
            AllocationLine line = new AllocationLine();
            line.request = request;
            line.lineNo = i + 1;
            line.kind = l.kind();
            line.itemCode = l.item();
            line.skill = l.skill();
            line.quantity = l.quantity();
            line.fromDate = l.fromDate();
            line.days = l.days();
            request.lines.add(line);
        }
        request.persist();
        return RequestView.of(request);
    }

    private void validateLine(NewLine l, String at, LocalDate today, FieldErrors errors) {
        boolean supply = l.kind() == LineKind.SUPPLY;
        errors.check(!supply || l.item() != null, at + "item", "a SUPPLY line names its item")
                .check(l.item() == null || !supply || catalog.findItem(l.item()).isPresent(), at + "item",
                        "unknown item '" + l.item() + "'")
                .check(supply || l.item() == null, at + "item", "only a SUPPLY line names an item")
                .check(l.kind() != LineKind.TEAM || l.skill() != null, at + "skill", "a TEAM line names its skill")
                .check(l.kind() == LineKind.TEAM || l.skill() == null, at + "skill", "only a TEAM line names a skill")
                .check(supply || l.fromDate() != null, at + "fromDate", "needed: the first day")
                .check(supply || l.days() != null, at + "days", "needed: how many days")
                .check(!supply || l.fromDate() == null && l.days() == null, at + "days",
                        "a SUPPLY line has no dates: the request's neededBy applies")
                .check(l.fromDate() == null || !l.fromDate().isBefore(today), at + "fromDate",
                        "must be today or later");
    }

    /** Requests newest first, narrowed by county, status and priority. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public org.surgeline.platform.Page<AllocationRequest> list(Optional<String> county,
            Optional<RequestStatus> status, Optional<Priority> priority, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        county.ifPresent(c -> {
            query.append(" and countyCode = :county");
            params.and("county", c);
        });
        status.ifPresent(s -> {
            query.append(" and status = :status");
            params.and("status", s);
        });
        priority.ifPresent(p -> {
            query.append(" and priority = :priority");
            params.and("priority", p);
        });
        var found = AllocationRequest.<AllocationRequest>find(query.toString(), Sort.descending("id"), params);
        return org.surgeline.platform.Page.of(found, page, size);
    }

    /**
     * Approved requests not yet closed, by need date: what the planner works on. A dispatched
     * request may still have lines (or parts of lines) that a plan can change.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AllocationRequest> approved() {
        return AllocationRequest.list("status in ?1", Sort.by("neededBy").and("id"),
                List.of(RequestStatus.APPROVED, RequestStatus.PLANNED, RequestStatus.DISPATCHED));
    }

    /** The request; its lines load lazily, so read them inside the caller's request or transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AllocationRequest get(long id) {
        return AllocationRequest.<AllocationRequest>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Allocation request", id));
    }

    /** The request, locked until the transaction ends: status changes serialize on it. */
    AllocationRequest lock(long id) {
        AllocationRequest request = em.find(AllocationRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw ProblemException.notFound("Allocation request", id);
        }
        return request;
    }

    /**
     * Locks many requests in ascending id order, as every transaction that locks more than one
     * must, so that two of them cannot wait on each other.
     */
    public void lockAll(Collection<Long> ids) {
        new TreeSet<>(ids).forEach(this::lock);
    }

    /** Approves; nobody approves their own request. */
    public RequestView approve(long id, String note, String actor) {
        AllocationRequest request = lock(id);
        if (request.requester.equals(actor)) {
            throw ProblemException.forbidden("Nobody approves their own request");
        }
        decide(request, RequestStatus.APPROVED, note, actor);
        return RequestView.of(request);
    }

    public RequestView reject(long id, String reason, String actor) {
        AllocationRequest request = lock(id);
        decide(request, RequestStatus.REJECTED, reason, actor);
        return RequestView.of(request);
    }

    /** Cancels a request not yet dispatched; what its planned shipments reserved is released. */
    public RequestView cancel(long id, String note, String actor) {
        // Shipments before their request, the order dispatch and publishing lock them in.
        List<Shipment> planned = Shipment.<Shipment>find("requestId = ?1 and state = ?2", id, ShipmentState.PLANNED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        AllocationRequest request = lock(id);
        request.moveTo(RequestStatus.CANCELLED, actor, clock.instant());
        request.decisionNote = note;
        for (Shipment shipment : planned) {
            shipments.callOff(shipment, request, actor);
        }
        return RequestView.of(request);
    }

    /**
     * Closes a dispatched request once nothing is on its way: FULFILLED when every line got all it
     * asked for, PARTIALLY_FULFILLED otherwise.
     */
    public RequestView close(long id, String actor) {
        AllocationRequest request = lock(id);
        long open = Shipment.count("requestId = ?1 and state in ?2", id,
                List.of(ShipmentState.PLANNED, ShipmentState.DISPATCHED));
        if (request.status == RequestStatus.DISPATCHED && open > 0) {
            throw ProblemException.conflict("shipments-open", open + " shipment(s) of request " + id
                    + " are still planned or on their way");
        }
        request.moveTo(complete(request) ? RequestStatus.FULFILLED : RequestStatus.PARTIALLY_FULFILLED, actor,
                clock.instant());
        return RequestView.of(request);
    }

    /**
     * Records that a published plan covers {@code quantity} more of a team, bed or lab line (less,
     * when negative: a replacing plan takes the coverage back); the request becomes PLANNED.
     * Supply lines are planned through their shipments instead. Returns the change made (less
     * than asked where the line's bounds cut it).
     */
    public long recordPlanned(long requestId, int lineNo, long quantity, String actor) {
        AllocationRequest request = lock(requestId);
        AllocationLine line = request.line(lineNo);
        long before = line.quantityPlanned;
        line.quantityPlanned = Math.max(0, Math.min(line.quantity, line.quantityPlanned + quantity));
        if (quantity > 0 && request.status == RequestStatus.APPROVED) {
            request.moveTo(RequestStatus.PLANNED, actor, clock.instant());
        }
        return line.quantityPlanned - before;
    }

    static boolean complete(AllocationRequest request) {
        return request.lines.stream().allMatch(l -> l.quantityDelivered >= l.quantity);
    }

    private void decide(AllocationRequest request, RequestStatus to, String note, String actor) {
        request.moveTo(to, actor, clock.instant());
        request.decisionNote = note;
        request.decidedBy = actor;
        request.decidedAt = request.updatedAt;
    }
}
