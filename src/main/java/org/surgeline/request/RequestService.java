package org.surgeline.request;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.surgeline.personnel.TeamService;
import org.surgeline.platform.AuditLog;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ChangeMarks;
import org.surgeline.platform.FieldErrors;
import org.surgeline.platform.Filter;
import org.surgeline.platform.Locks;
import org.surgeline.platform.ProblemException;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.RetirementHolds;
import org.surgeline.region.CountyService;
import org.surgeline.stock.CatalogService;

/** Allocation requests and their approval workflow. Status changes lock the request. */
@ApplicationScoped
@Transactional
public class RequestService implements RetirementHolds {

    @Inject
    CountyService counties;
    @Inject
    CatalogService catalog;
    @Inject
    ShipmentService shipments;
    @Inject
    TeamService teams;
    @Inject
    LineLimits limits;
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    /**
     * Submits a request for the officer's own county (the body may leave it out; naming another is a
     * 403), or for the county a city-wide caller names (400 when none).
     */
    public RequestView submit(NewAllocationRequest n, String requester) {
        String county = caller.boundCounty().orElse(n.county());
        if (county == null) {
            throw ProblemException.invalidField("county", "name the county the request is for");
        }
        if (n.county() != null && !n.county().equals(county)) {
            throw ProblemException.forbidden("Officers request for their own county only");
        }
        counties.active(county);
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
        request.lastChange.record(requester, now);
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
                .check(l.item() == null || !supply || catalog.findItem(l.item()).map(i -> !i.retired()).orElse(true),
                        at + "item", "item '" + l.item() + "' is retired")
                .check(supply || l.item() == null, at + "item", "only a SUPPLY line names an item")
                .check(l.kind() != LineKind.TEAM || l.skill() != null, at + "skill", "a TEAM line names its skill")
                .check(l.kind() == LineKind.TEAM || l.skill() == null, at + "skill", "only a TEAM line names a skill")
                .check(supply || l.fromDate() != null, at + "fromDate", "needed: the first day")
                .check(supply || l.days() != null, at + "days", "needed: how many days")
                .check(!supply || l.fromDate() == null && l.days() == null, at + "days",
                        "a SUPPLY line has no dates: the request's neededBy applies")
                .check(l.fromDate() == null || !l.fromDate().isBefore(today), at + "fromDate",
                        "must be today or later");
        // Quantities against reality: a line the city could never meet only makes a plan too large to solve.
        if (l.kind() == LineKind.TEAM && l.skill() != null) {
            long roster = teams.rosterSize(l.skill());
            errors.check(l.quantity() <= roster, at + "quantity", "at most " + roster + " teams: the roster of "
                    + l.skill() + " has no more");
        }
        errors.check(l.kind() != LineKind.ISOLATION_BEDS || l.quantity() <= limits.maxBeds(), at + "quantity",
                        "at most " + limits.maxBeds() + " beds a line")
                .check(l.kind() != LineKind.LAB_THROUGHPUT || l.quantity() <= limits.maxSamplesPerDay(),
                        at + "quantity", "at most " + limits.maxSamplesPerDay() + " samples a day a line");
    }

    /**
     * Requests newest first, narrowed by status, priority and the county asked for; an officer's are
     * narrowed to their own county, and asking for another is a 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AllocationRequest> list(Optional<String> askedCounty,
            Optional<RequestStatus> status, Optional<Priority> priority, int page, int size) {
        Optional<String> county = caller.readScope(askedCounty.orElse(null));
        Filter filter = new Filter().and(county, "countyCode = :county", "county")
                .and(status, "status = :status", "status").and(priority, "priority = :priority", "priority");
        var found = AllocationRequest.<AllocationRequest>find(filter.query(), Sort.descending("id"), filter.parameters());
        return ResultPage.of(found, page, size);
    }

    /** Submitted requests waiting for a decision: the most urgent first, then the oldest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AllocationRequest> inbox() {
        return AllocationRequest.<AllocationRequest>list("status", RequestStatus.SUBMITTED).stream()
                .filter(r -> caller.mayActFor(r.countyCode))
                .sorted(Comparator.comparingInt((AllocationRequest r) -> -r.priority.weight())
                        .thenComparing(r -> r.createdAt).thenComparing(r -> r.id))
                .toList();
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

    /** The priority of each of these requests (those that exist), in one read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Priority> priorities(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select r.id, r.priority from AllocationRequest r where r.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Priority) row[1]));
    }

    /** The request; its lines load lazily, so read them inside the caller's request or transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AllocationRequest get(long id) {
        return AllocationRequest.<AllocationRequest>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Allocation request", id));
    }

    /** The request as the caller may see it: for an officer, one of another county is a 404, as for none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AllocationRequest visible(long id) {
        return visibleToCaller(get(id));
    }

    /** The 404 of {@link #visible} for a request already read or locked. */
    private AllocationRequest visibleToCaller(AllocationRequest request) {
        caller.requireCounty(request.countyCode, "Allocation request", request.id);
        return request;
    }

    /** The request, locked until the transaction ends: status changes serialize on it. */
    AllocationRequest lock(long id) {
        return Locks.existing(em, AllocationRequest.class, id, "Allocation request");
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

    /**
     * Cancels a request not yet dispatched and releases all it holds: its planned shipments (their
     * reservations released), its team deployments from today on, and the coverage plans recorded
     * on its team, bed and lab lines (bed placements and lab routes exist only in the plan).
     */
    public RequestView cancel(long id, String note, String actor) {
        // The request before its shipments, the order dispatch and publishing lock them in; the
        // shipments are read under the request's lock, so one planned a moment ago is called off too.
        AllocationRequest request = visibleToCaller(lock(id));
        audited(request, "CANCEL", RequestStatus.CANCELLED, note, actor);
        request.moveTo(RequestStatus.CANCELLED, actor, clock.instant());
        request.decisionNote = note;
        shipments.callOffAll(request, actor);
        teams.release(id, LocalDate.now(clock));
        request.lines.stream().filter(l -> l.kind != LineKind.SUPPLY).forEach(l -> l.quantityPlanned = 0);
        return RequestView.of(request);
    }

    /**
     * Closes a planned or dispatched request once nothing more will come: no shipment planned or
     * on its way, and every team, bed and lab line either past its last day (it got what the plan
     * covered: its planned quantity counts as delivered) or confirmed by its officer. FULFILLED when
     * every line got all it asked for, PARTIALLY_FULFILLED otherwise.
     */
    public RequestView close(long id, String actor) {
        AllocationRequest request = lock(id);
        if (!request.status.next().contains(RequestStatus.PARTIALLY_FULFILLED)) {
            request.moveTo(RequestStatus.PARTIALLY_FULFILLED, actor, clock.instant()); // 409 with the allowed moves
        }
        long open = Shipment.count("requestId = ?1 and state in ?2", id,
                List.of(ShipmentState.PLANNED, ShipmentState.DISPATCHED));
        if (open > 0) {
            throw ProblemException.conflict("shipments-open", open + " shipment(s) of request " + id
                    + " are still planned or on their way");
        }
        LocalDate today = LocalDate.now(clock);
        List<Integer> running = request.lines.stream().filter(l -> l.runningOn(today)).map(l -> l.lineNo).toList();
        if (!running.isEmpty()) {
            throw ProblemException.conflict("lines-in-progress", "Line(s) " + running + " of request " + id
                    + " still run after today; close it once their days have passed, or have the officer confirm "
                    + "what they got").with("lines", running);
        }
        request.lines.stream().filter(l -> l.kind != LineKind.SUPPLY && l.confirmedBy == null)
                .forEach(l -> l.quantityDelivered = l.quantityPlanned);
        RequestStatus closed = complete(request) ? RequestStatus.FULFILLED : RequestStatus.PARTIALLY_FULFILLED;
        audited(request, "CLOSE", closed, null, actor);
        request.moveTo(closed, actor, clock.instant());
        return RequestView.of(request);
    }

    /**
     * The officer confirms what a team, bed or lab line got (before or instead of its days passing
     * with a plan's coverage in force); that counts as delivered, once. An approved request so
     * settled is PLANNED, so that it can be closed.
     */
    public RequestView confirm(long id, int lineNo, long quantity, String actor) {
        AllocationRequest request = visibleToCaller(lock(id));
        if (!ShipmentService.SHIPPABLE.contains(request.status)) {
            throw ProblemException.conflict("request-not-open", "Request " + id + " is " + request.status
                    + "; only an APPROVED, PLANNED or DISPATCHED request's lines are confirmed")
                    .with("current", request.status);
        }
        AllocationLine line = request.line(lineNo);
        FieldErrors errors = new FieldErrors()
                .check(line.kind != LineKind.SUPPLY, "lineNo", "a SUPPLY line is confirmed by delivering its shipments")
                .check(quantity <= line.quantity, "quantity", "at most the " + line.quantity + " the line asked for");
        errors.throwIfAny();
        if (line.confirmedBy != null) {
            throw ProblemException.conflict("line-confirmed", "Line " + lineNo + " of request " + id
                    + " was confirmed by " + line.confirmedBy);
        }
        line.quantityDelivered = quantity;
        line.quantityPlanned = Math.max(line.quantityPlanned, quantity);
        line.confirmedBy = actor;
        line.confirmedAt = clock.instant();
        request.lastChange.record(actor, line.confirmedAt); // what is left to plan changed: the planner's state mark moves
        if (request.status == RequestStatus.APPROVED) {
            request.moveTo(RequestStatus.PLANNED, actor, line.confirmedAt);
        }
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
        reopenIfNothingPlanned(request, actor);
        return line.quantityPlanned - before;
    }

    /** A decision, cancellation or closing in the audit trail: the status it leaves, the status and note it sets. */
    private void audited(AllocationRequest request, String action, RequestStatus to, String note, String actor) {
        audit.record("AllocationRequest", request.id, request.countyCode, action, request.status,
                note == null ? to.name() : to + ": " + note, actor);
    }

    /**
     * A PLANNED request that nothing covers any more (a new plan took its coverage back, its
     * shipments were called off) is APPROVED again, so that the planner and the trigger check
     * see it as open.
     */
    void reopenIfNothingPlanned(AllocationRequest request, String actor) {
        if (request.status == RequestStatus.PLANNED && request.lines.stream().allMatch(l -> l.quantityPlanned == 0)) {
            request.reopen(actor, clock.instant());
        }
    }

    /** Whether plans may still reserve and book for the request (APPROVED, PLANNED or DISPATCHED). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isOpen(long id) {
        return ShipmentService.SHIPPABLE.contains(get(id).status);
    }

    static boolean complete(AllocationRequest request) {
        return request.lines.stream().allMatch(l -> l.quantityDelivered >= l.quantity);
    }

    private void decide(AllocationRequest request, RequestStatus to, String note, String actor) {
        audited(request, to == RequestStatus.APPROVED ? "APPROVE" : "REJECT", to, note, actor);
        request.moveTo(to, actor, clock.instant());
        request.decisionNote = note;
        request.decidedBy = actor;
        request.decidedAt = request.lastChange.at();
    }

    /** Requests waiting for a plan: submitted, or approved and not yet planned (a gauge for autoscaling). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pendingCount() {
        return AllocationRequest.count("status in ?1", List.of(RequestStatus.SUBMITTED, RequestStatus.APPROVED));
    }

    /** Open requests (not yet closed: submitted to dispatched) per county and priority, city-wide: figures, not records. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Map<Priority, Long>> openCountByCounty() {
        Map<String, Map<Priority, Long>> counts = new TreeMap<>();
        for (Object[] row : AllocationRequest.getEntityManager().createQuery("select r.countyCode, r.priority, count(r) "
                        + "from AllocationRequest r where r.status in ?1 group by r.countyCode, r.priority", Object[].class)
                .setParameter(1, RequestStatus.open()).getResultList()) {
            counts.computeIfAbsent((String) row[0], k -> new EnumMap<>(Priority.class))
                    .put((Priority) row[1], ((Number) row[2]).longValue());
        }
        return counts;
    }

    /**
     * How far requests and shipments have changed
     * ({@link ChangeMarks}): the planner compares it with the state its last run started from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String changeMark() {
        return ChangeMarks.of(AllocationRequest.class, Shipment.class);
    }

    /**
     * Open work holds what it names: a request not closed holds its county and its lines' items, a
     * shipment still under way holds its source depot.
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> holderOf(String entity, String key) {
        Set<RequestStatus> open = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.APPROVED, RequestStatus.PLANNED,
                RequestStatus.DISPATCHED);
        return switch (entity) {
            case "County" -> AllocationRequest.<AllocationRequest>find("countyCode = ?1 and status in ?2",
                            Sort.by("id"), key, open).firstResultOptional()
                    .map(r -> "request " + r.id + " (" + r.status + ")");
            case "SupplyItem" -> AllocationLine.<AllocationLine>find("itemCode = ?1 and request.status in ?2",
                            Sort.by("request.id"), key, open).firstResultOptional()
                    .map(l -> "request " + l.request.id + " (" + l.request.status + ")");
            case "Depot" -> Shipment.<Shipment>find("fromDepot = ?1 and state in ?2", Sort.by("id"), key,
                            EnumSet.of(ShipmentState.PLANNED, ShipmentState.DISPATCHED)).firstResultOptional()
                    .map(s -> "shipment " + s.id + " (" + s.state + ")");
            default -> Optional.empty();
        };
    }
}
