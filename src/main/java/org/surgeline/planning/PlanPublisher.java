package org.surgeline.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.surgeline.personnel.TeamService;
import org.surgeline.personnel.TeamView;
import org.surgeline.platform.ProblemException;
import org.surgeline.request.AllocationLine;
import org.surgeline.request.NewShipment;
import org.surgeline.request.RequestService;
import org.surgeline.request.ShipmentService;

/**
 * Publishes a draft: the plan in force takes back what it had not carried out, the draft's
 * shipments are planned (their stock reserved), its team deployments booked, its coverage recorded
 * on team, bed and lab lines, and the plan in force superseded, all in one transaction.
 */
@ApplicationScoped
public class PlanPublisher {

    @Inject
    PlanRuns runs;
    @Inject
    ShipmentService shipments;
    @Inject
    RequestService requests;
    @Inject
    TeamService teams;
    @Inject
    EntityManager em;

    static String deploymentReference(long planId) {
        return "plan:" + planId;
    }

    /**
     * Publishes a draft in one transaction: shipments planned with their stock reserved, team
     * deployments booked, team, bed and lab lines marked planned, the previous published plan
     * superseded. If the world moved under the draft (stock gone, a team now busy, a line no
     * longer open), 409 and nothing changes.
     */
    @Transactional
    public PlanRun publish(long id, String actor) {
        PlanRun run = runs.lock(id);
        if (run.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("plan-not-draft", "Plan " + id + " is " + run.status
                    + "; only a draft is published").with("current", run.status);
        }
        if (run.result == null) {
            throw ProblemException.conflict("plan-purged", "Plan " + id + " is older than the retention age and its "
                    + "result was removed on " + run.purgedAt + "; solve again");
        }
        PlanResult result = run.result;
        em.createNativeQuery("select name from planning_job where name = 'PUBLISH' for update").getResultList();
        Optional<PlanRun> inForce = runs.inForce();
        Long inForceId = inForce.map(p -> p.id).orElse(null);
        if (!Objects.equals(inForceId, run.basePlanId)) {
            throw ProblemException.conflict("stale-plan", "Plan " + id + " was solved from "
                    + (run.basePlanId == null ? "no published plan" : "plan " + run.basePlanId) + " but "
                    + (inForceId == null ? "none" : "plan " + inForceId) + " is published now; solve again")
                    .with("publishedPlanId", inForceId);
        }
        lockInOrder(inForce, result);
        requireOpenRequests(id, result);
        List<LineCoverage> recorded = new ArrayList<>();
        try {
            inForce.ifPresent(previous -> takeBack(previous, run.planDate, actor));
            for (PlanResult.PlannedShipment s : result.shipments()) {
                shipments.plan(new NewShipment(s.requestId(), s.lineNo(), s.fromDepotCode(), s.quantity(),
                        "deployment plan " + id), id, actor);
            }
            bookTeams(result, deploymentReference(id));
            for (LineCoverage c : coverage(run.planDate, result, (requestId, lineNo) -> requests.get(requestId)
                    .line(lineNo))) {
                recorded.add(c.withQuantity(requests.recordPlanned(c.requestId(), c.lineNo(), c.quantity(), actor)));
            }
        } catch (ProblemException e) {
            if (e.problem().getStatus() == 409 || e.problem().getStatus() == 404) {
                throw ProblemException.conflict("stale-plan", "Plan " + id + " no longer fits: "
                        + e.problem().getDetail() + "; solve again").with("cause", e.problem().getType());
            }
            throw e;
        }
        inForce.ifPresent(runs::supersede);
        runs.publish(run, recorded, actor);
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
            requestIds.addAll(requestIds(Optional.ofNullable(previous.result).orElseThrow()));
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

    /**
     * Takes back what the plan in force committed and the new plan replaces: its shipments not
     * yet dispatched (stock released), its team days from the new plan date on, and the coverage
     * it recorded on team, bed and lab lines.
     */
    private void takeBack(PlanRun previous, LocalDate from, String actor) {
        shipments.callOffPlanned(previous.id, actor);
        teams.withdraw(deploymentReference(previous.id), from);
        if (previous.coverage != null) {
            previous.coverage.forEach(c -> requests.recordPlanned(c.requestId(), c.lineNo(), -c.quantity(), actor));
        }
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
     * itself count. Supply lines are covered by their shipments instead. {@code line} finds a
     * requested line by request id and line number.
     */
    static List<LineCoverage> coverage(LocalDate planDate, PlanResult result,
            BiFunction<Long, Integer, AllocationLine> line) {
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
        lines.forEach((key, ref) -> {
            AllocationLine requested = line.apply(ref.requestId(), ref.lineNo());
            LocalDate from = requested.fromDate.isBefore(planDate) ? planDate : requested.fromDate;
            long planned = Math.min(requested.quantity, from.datesUntil(requested.fromDate.plusDays(requested.days))
                    .mapToLong(d -> perLineDay.getOrDefault(key + "/" + d, 0L)).min().orElse(0));
            if (planned > 0) {
                coverage.add(ref.withQuantity(planned));
            }
        });
        return coverage;
    }

    private static String key(long requestId, int lineNo) {
        return requestId + "/" + lineNo;
    }
}
