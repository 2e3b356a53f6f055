package org.surgeline.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.surgeline.personnel.TeamService;
import org.surgeline.personnel.TeamView;
import org.surgeline.platform.Problem;
import org.surgeline.platform.Page;
import org.surgeline.platform.ProblemException;
import org.surgeline.request.NewShipment;
import org.surgeline.request.RequestService;
import org.surgeline.request.ShipmentService;

/** Plan runs: queued, read, stopped and published. Solving itself is {@link PlanSolver}'s. */
@ApplicationScoped
@Transactional
public class PlanService {

    @Inject
    PlanningConfig config;
    @Inject
    ShipmentService shipments;
    @Inject
    RequestService requests;
    @Inject
    TeamService teams;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /**
     * Queues a run; whichever planner instance polls first solves it. A run asked for through the
     * API (no slot) is held to the configured maximum time limit and to the caller's cap on
     * unfinished runs (429 beyond it), so that one caller cannot flood the queue.
     */
    public PlanRun queue(NewPlanRun n, PlanKind kind, Instant slot, String reason, String actor) {
        if (slot == null) {
            if (n.timeLimitSeconds() != null && n.timeLimitSeconds() > config.maxTimeLimitSeconds()) {
                throw ProblemException.invalidField("timeLimitSeconds", "must be at most " + config.maxTimeLimitSeconds());
            }
            // Two requests of one caller serialize here, so both cannot pass the cap.
            em.createNativeQuery("select name from planning_job where name = 'QUEUE' for update").getResultList();
            long unfinished = PlanRun.count("createdBy = ?1 and slot is null and status in ?2", actor,
                    List.of(PlanStatus.QUEUED, PlanStatus.SOLVING));
            if (unfinished >= config.maxQueuedPerCaller()) {
                throw new ProblemException(new Problem("too-many-runs", "Too many requests", 429, actor + " has "
                        + unfinished + " runs queued or solving, the most one caller may have; wait for one to end "
                        + "or stop one", null)).with("limit", config.maxQueuedPerCaller());
            }
        }
        PlanRun run = new PlanRun();
        run.status = PlanStatus.QUEUED;
        run.kind = kind;
        run.slot = slot;
        LocalDate today = LocalDate.now(clock);
        run.planDate = Optional.ofNullable(n.planDate()).orElse(today);
        run.planDateChosen = n.planDate() != null;
        // A plan dated in the past would take back everything the plan in force has from that date on.
        if (run.planDate.isBefore(today) || run.planDate.isAfter(today.plusDays(config.planDateWindowDays()))) {
            throw ProblemException.invalidField("planDate", "must be from " + today + " (today) to "
                    + today.plusDays(config.planDateWindowDays()));
        }
        run.horizonDays = Optional.ofNullable(n.horizonDays()).orElse(config.horizonDays());
        run.timeLimitSeconds = Optional.ofNullable(n.timeLimitSeconds()).orElse(config.defaultTimeLimitSeconds());
        run.reason = reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
        run.createdBy = actor;
        run.createdAt = clock.instant();
        run.persist();
        return run;
    }

    /** The latest REBALANCE run queued for a set of triggers ({@link RebalanceTrigger#key}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanRun> lastRebalance(String triggerKey) {
        return PlanRun.<PlanRun>find("kind = ?1 and triggerKey = ?2", Sort.descending("id"), PlanKind.REBALANCE,
                triggerKey).firstResultOptional();
    }

    /**
     * Retention: drafts, failed and cancelled runs created before {@code retention.age} ago lose
     * their stored result (the row stays, with {@code purgedAt}); published and superseded plans
     * keep theirs, since publishing and the explanation of what was carried out read it. Skip
     * records older than that are deleted.
     */
    public int purgeResults() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.retention().age());
        PlanSkip.delete("skippedAt < ?1", cutoff);
        return PlanRun.update("result = null, purgedAt = ?1 where status in ?2 and createdAt < ?3 and result is not null",
                now, List.of(PlanStatus.DRAFT, PlanStatus.FAILED, PlanStatus.CANCELLED), cutoff);
    }

    /** The plan in force, with what of it a new plan may still change. */
    public Optional<BasePlan> published() {
        return inForce().map(run -> {
            Map<Long, Long> coverage = new HashMap<>();
            recordedCoverage(run).forEach(c -> coverage.merge(c.lineId(), c.quantity(), Long::sum));
            return new BasePlan(run.id, result(run).orElseThrow(), coverage, shipments.plannedBy(run.id));
        });
    }

    static String deploymentReference(long planId) {
        return "plan:" + planId;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanRun get(long id) {
        return PlanRun.<PlanRun>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlanRun> list(Optional<PlanStatus> status, int page, int size) {
        return Page.of(status.map(s -> PlanRun.<PlanRun>find("status", Sort.descending("id"), s))
                .orElseGet(() -> PlanRun.findAll(Sort.descending("id"))), page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanResult> result(PlanRun run) {
        if (run.result == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(run.result, PlanResult.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable result of plan " + run.id, e);
        }
    }

    /**
     * A queued run is cancelled at once; a solving one is asked to stop and keeps its best plan
     * (at once if it solves here, at the solving instance's next poll otherwise).
     */
    public PlanRun stop(long id, PlanSolver solver) {
        PlanRun run = em.find(PlanRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw ProblemException.notFound("Plan", id);
        }
        switch (run.status) {
            case QUEUED -> {
                run.status = PlanStatus.CANCELLED;
                run.endedAt = clock.instant();
            }
            case SOLVING -> {
                run.stopRequested = true;
                solver.stopEarly(id);
            }
            default -> throw ProblemException.conflict("plan-not-running", "Plan " + id + " is " + run.status
                    + "; only a queued or solving plan can be stopped").with("status", run.status);
        }
        return run;
    }

    /**
     * Publishes a draft in one transaction: shipments planned with their stock reserved, team
     * deployments booked, team, bed and lab lines marked planned, the previous published plan
     * superseded. If the world moved under the draft (stock gone, a team now busy, a line no
     * longer open), 409 and nothing changes.
     */
    public PlanRun publish(long id, String actor) {
        PlanRun run = em.find(PlanRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw ProblemException.notFound("Plan", id);
        }
        if (run.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("plan-not-draft", "Plan " + id + " is " + run.status
                    + "; only a draft is published").with("status", run.status);
        }
        PlanResult result = result(run).orElseThrow(() -> ProblemException.conflict("plan-purged", "Plan " + id
                + " is older than the retention age and its result was removed on " + run.purgedAt + "; solve again"));
        em.createNativeQuery("select name from planning_job where name = 'PUBLISH' for update").getResultList();
        Optional<PlanRun> inForce = inForce();
        Long inForceId = inForce.map(p -> p.id).orElse(null);
        if (!Objects.equals(inForceId, run.basePlanId)) {
            throw ProblemException.conflict("stale-plan", "Plan " + id + " was solved from "
                    + (run.basePlanId == null ? "no published plan" : "plan " + run.basePlanId) + " but "
                    + (inForceId == null ? "none" : "plan " + inForceId) + " is published now; solve again")
                    .with("publishedPlanId", inForceId);
        }
        lockInOrder(inForce, result);
        requireOpenRequests(id, result);
        try {
            inForce.ifPresent(previous -> takeBack(previous, run.planDate, actor));
            for (PlanResult.PlannedShipment s : result.shipments()) {
                shipments.plan(new NewShipment(s.requestId(), s.lineNo(), s.fromDepotCode(), s.quantity(),
                        "deployment plan " + id), id, actor);
            }
            bookTeams(result, deploymentReference(id));
            List<LineCoverage> recorded = new ArrayList<>();
            for (LineCoverage c : coverage(run, result)) {
                recorded.add(c.withQuantity(requests.recordPlanned(c.requestId(), c.lineNo(), c.quantity(), actor)));
            }
            run.coverage = json.valueToTree(recorded).toString();
        } catch (ProblemException e) {
            if (e.problem().getStatus() == 409 || e.problem().getStatus() == 404) {
                throw ProblemException.conflict("stale-plan", "Plan " + id + " no longer fits: "
                        + e.problem().getDetail() + "; solve again").with("cause", e.problem().getType());
            }
            throw e;
        }
        inForce.ifPresent(previous -> previous.status = PlanStatus.SUPERSEDED);
        run.status = PlanStatus.PUBLISHED;
        run.publishedAt = clock.instant();
        run.publishedBy = actor;
        return run;
    }

    /**
     * Takes the row locks publishing needs in the order the rest of the service takes them
     * (requests by id, then their shipments, then stock balances), before any ledger call.
     */
    private void lockInOrder(Optional<PlanRun> inForce, PlanResult result) {
        Set<Long> requestIds = new HashSet<>(requestIds(result));
        inForce.ifPresent(previous -> {
            requestIds.addAll(shipments.requestsPlannedBy(previous.id));
            requestIds.addAll(requestIds(result(previous).orElseThrow()));
        });
        requests.lockAll(requestIds);
    }

    /**
     * Refuses (409 stale-plan) a draft with a line whose request was cancelled, rejected or closed
     * since it was solved: nothing is reserved or booked for it. Its requests are locked.
     */
    private void requireOpenRequests(long id, PlanResult result) {
        for (long requestId : new TreeSet<>(requestIds(result))) {
            if (!requests.isOpen(requestId)) {
                throw ProblemException.conflict("stale-plan", "Plan " + id + " plans request " + requestId
                        + ", which is " + requests.get(requestId).status + " now; solve again")
                        .with("requestId", requestId);
            }
        }
    }

    private static Set<Long> requestIds(PlanResult result) {
        Set<Long> ids = new HashSet<>();
        result.shipments().forEach(s -> ids.add(s.requestId()));
        result.teamShifts().forEach(s -> ids.add(s.requestId()));
        result.bedPlacements().forEach(b -> ids.add(b.requestId()));
        result.sampleRoutes().forEach(r -> ids.add(r.requestId()));
        return ids;
    }

    /** The PUBLISHED run, if any. */
    static Optional<PlanRun> inForce() {
        return PlanRun.<PlanRun>find("status", PlanStatus.PUBLISHED).firstResultOptional();
    }

    /**
     * Takes back what the plan in force committed and the new plan replaces: its shipments not
     * yet dispatched (stock released), its team days from the new plan date on, and the coverage
     * it recorded on team, bed and lab lines.
     */
    private void takeBack(PlanRun previous, LocalDate from, String actor) {
        shipments.callOffPlanned(previous.id, actor);
        teams.withdraw(deploymentReference(previous.id), from);
        recordedCoverage(previous).forEach(c -> requests.recordPlanned(c.requestId(), c.lineNo(), -c.quantity(), actor));
    }

    /** One deployment per team and run of consecutive days in one county for one request. */
    private void bookTeams(PlanResult result, String reference) {
        Map<String, TeamView> current = teams.views(teams.teams(Optional.empty(), Optional.empty())).stream()
                .collect(Collectors.toMap(TeamView::code, t -> t));
        Map<String, List<PlanResult.PlannedShift>> byTeam = result.teamShifts().stream()
                .sorted(Comparator.comparing(PlanResult.PlannedShift::date))
                .collect(Collectors.groupingBy(PlanResult.PlannedShift::teamCode, LinkedHashMap::new, Collectors.toList()));
        byTeam.forEach((team, shifts) -> {
            TeamView view = current.get(team);
            for (PlanResult.PlannedShift shift : shifts) {
                boolean busy = view == null || view.unavailable().contains(shift.date()) || view.deployments().stream()
                        .anyMatch(d -> !shift.date().isBefore(d.from()) && !shift.date().isAfter(d.to()));
                if (busy) {
                    throw ProblemException.conflict("team-busy", "Team " + team + " is no longer free on " + shift.date());
                }
            }
            List<PlanResult.PlannedShift> run = new ArrayList<>();
            for (PlanResult.PlannedShift shift : shifts) {
                PlanResult.PlannedShift last = run.isEmpty() ? null : run.get(run.size() - 1);
                if (last != null && (!last.countyCode().equals(shift.countyCode())
                        || last.requestId() != shift.requestId() || !last.date().plusDays(1).equals(shift.date()))) {
                    teams.deploy(team, last.countyCode(), run.get(0).date(), last.date(), reference, last.requestId());
                    run.clear();
                }
                run.add(shift);
            }
            if (!run.isEmpty()) {
                PlanResult.PlannedShift last = run.get(run.size() - 1);
                teams.deploy(team, last.countyCode(), run.get(0).date(), last.date(), reference, last.requestId());
            }
        });
    }

    /**
     * What a plan covers of its team, bed and lab lines: for each line, the least covered on any
     * of its days from the plan date on (a day with nothing covers zero, so a day after the
     * horizon that no plan has placed leaves the line not fully planned). Beds the county houses
     * itself count. Supply lines are covered by their shipments instead.
     */
    private List<LineCoverage> coverage(PlanRun run, PlanResult result) {
        Map<String, Long> perLineDay = new HashMap<>();
        Map<String, LineCoverage> lines = new LinkedHashMap<>();
        result.teamShifts().forEach(s -> {
            lines.putIfAbsent(key(s.requestId(), s.lineNo()), new LineCoverage(s.requestId(), s.lineId(), s.lineNo(), 0));
            perLineDay.merge(key(s.requestId(), s.lineNo()) + "/" + s.date(), 1L, Long::sum);
        });
        result.bedPlacements().forEach(b -> {
            lines.putIfAbsent(key(b.requestId(), b.lineNo()), new LineCoverage(b.requestId(), b.lineId(), b.lineNo(), 0));
            perLineDay.merge(key(b.requestId(), b.lineNo()) + "/" + b.date(), b.beds(), Long::sum);
        });
        result.ownBeds().forEach(b -> {
            lines.putIfAbsent(key(b.requestId(), b.lineNo()), new LineCoverage(b.requestId(), b.lineId(), b.lineNo(), 0));
            perLineDay.merge(key(b.requestId(), b.lineNo()) + "/" + b.date(), b.beds(), Long::sum);
        });
        result.sampleRoutes().forEach(r -> {
            lines.putIfAbsent(key(r.requestId(), r.lineNo()), new LineCoverage(r.requestId(), r.lineId(), r.lineNo(), 0));
            perLineDay.merge(key(r.requestId(), r.lineNo()) + "/" + r.date(), r.samples(), Long::sum);
        });
        List<LineCoverage> coverage = new ArrayList<>();
        lines.forEach((line, ref) -> {
            var requested = requests.get(ref.requestId()).line(ref.lineNo());
            LocalDate from = requested.fromDate.isBefore(run.planDate) ? run.planDate : requested.fromDate;
            long planned = Math.min(requested.quantity, from.datesUntil(requested.fromDate.plusDays(requested.days))
                    .mapToLong(d -> perLineDay.getOrDefault(line + "/" + d, 0L)).min().orElse(0));
            if (planned > 0) {
                coverage.add(ref.withQuantity(planned));
            }
        });
        return coverage;
    }

    /** What a plan covers of one line (and, once published, what it recorded there). */
    record LineCoverage(long requestId, long lineId, int lineNo, long quantity) {
        LineCoverage withQuantity(long quantity) {
            return new LineCoverage(requestId, lineId, lineNo, quantity);
        }
    }

    private List<LineCoverage> recordedCoverage(PlanRun run) {
        if (run.coverage == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(run.coverage, LineCoverage[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable coverage of plan " + run.id, e);
        }
    }

    private static String key(long requestId, int lineNo) {
        return requestId + "/" + lineNo;
    }
}
