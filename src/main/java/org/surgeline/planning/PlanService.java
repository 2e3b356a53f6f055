package org.surgeline.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.surgeline.platform.CallerContext;
import org.surgeline.platform.ResultPage;
import org.surgeline.platform.Problem;
import org.surgeline.platform.ProblemException;
import org.surgeline.request.LineKind;
import org.surgeline.request.ShipmentService;

/**
 * Plan runs as the API sees them: queued, read and stopped. Their rows are {@link PlanRuns}'s,
 * solving is {@link PlanSolver}'s, publishing {@link PlanPublisher}'s.
 */
@ApplicationScoped
@Transactional
public class PlanService {

    @Inject
    PlanningConfig config;
    @Inject
    PlanRuns runs;
    @Inject
    ShipmentService shipments;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CallerContext caller;

    /**
     * Queues a run; whichever planner instance polls first solves it. A run asked for through the
     * API (no slot) is held to the configured maximum time limit and to the caller's cap on
     * unfinished runs (429 beyond it), so that one caller cannot flood the queue. A REBALANCE run
     * carries the key of the triggers it was queued for ({@link RebalanceTrigger#key}), else null.
     */
    public PlanRun queue(NewPlanRun n, PlanKind kind, Instant slot, String reason, String actor, String triggerKey) {
        if (slot == null) {
            if (n.timeLimitSeconds() != null && n.timeLimitSeconds() > config.maxTimeLimitSeconds()) {
                throw ProblemException.invalidField("timeLimitSeconds", "must be at most " + config.maxTimeLimitSeconds());
            }
            // Two requests of one caller serialize here, so both cannot pass the cap.
            em.createNativeQuery("select name from planning_job where name = 'QUEUE' for update").getResultList();
            long unfinished = runs.unfinishedAskedBy(actor);
            if (unfinished >= config.maxQueuedPerCaller()) {
                throw new ProblemException(new Problem("too-many-runs", "Too many requests", 429, actor + " has "
                        + unfinished + " runs queued or solving, the most one caller may have; wait for one to end "
                        + "or stop one", null)).with("limit", config.maxQueuedPerCaller());
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate planDate = Optional.ofNullable(n.planDate()).orElse(today);
        // A plan dated in the past would take back everything the plan in force has from that date on.
        if (planDate.isBefore(today) || planDate.isAfter(today.plusDays(config.planDateWindowDays()))) {
            throw ProblemException.invalidField("planDate", "must be from " + today + " (today) to "
                    + today.plusDays(config.planDateWindowDays()));
        }
        PlanRun run = new PlanRun();
        run.kind = kind;
        run.slot = slot;
        run.planDate = planDate;
        run.planDateChosen = n.planDate() != null;
        run.horizonDays = Optional.ofNullable(n.horizonDays()).orElse(config.horizonDays());
        run.timeLimitSeconds = Optional.ofNullable(n.timeLimitSeconds()).orElse(config.defaultTimeLimitSeconds());
        run.reason = reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
        run.createdBy = actor;
        run.triggerKey = triggerKey;
        return runs.queue(run);
    }

    /** The latest REBALANCE run queued for a set of triggers ({@link RebalanceTrigger#key}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanRun> lastRebalance(String triggerKey) {
        return runs.lastRebalance(triggerKey);
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
        return runs.purgeResults(now, cutoff);
    }

    /** The plan in force, with what of it a new plan may still change. */
    public Optional<BasePlan> published() {
        return runs.inForce().map(run -> {
            Map<Long, Long> coverage = new HashMap<>();
            if (run.coverage != null) {
                run.coverage.forEach(c -> coverage.merge(c.lineId(), c.quantity(), Long::sum));
            }
            return new BasePlan(run.id, Optional.ofNullable(run.result).orElseThrow(), coverage,
                    shipments.plannedBy(run.id));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanRun get(long id) {
        return runs.find(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<PlanRun> list(Optional<PlanStatus> status, int page, int size) {
        return runs.list(status, page, size);
    }

    /** A run's plan; empty until it has one, or once retention removed it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanResult> result(PlanRun run) {
        return Optional.ofNullable(run.result);
    }

    /**
     * Why each line of a run's plan got what it got (empty until it has a plan). Officers read their
     * own county's lines in their own terms: no other county's depots or figures.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanResult.LineExplanation> explanation(long id) {
        List<PlanResult.LineExplanation> lines = result(get(id)).map(PlanResult::explanation).orElse(List.of());
        return caller.boundCounty().map(county -> lines.stream().filter(line -> county.equals(line.countyCode()))
                .map(PlanResult.LineExplanation::forCounty).toList()).orElse(lines);
    }

    /** Why each line of a request got what it got in the plan in force; empty when none is in force. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanResult.LineExplanation> explanationInForce(long requestId) {
        return runs.inForce().map(run -> explanation(run.id).stream().filter(line -> line.requestId() == requestId)
                .toList()).orElse(List.of());
    }

    /**
     * What publishing a run's plan would change in the plan in force ({@link PlanDiff}); empty when
     * nothing is in force or the run is the plan in force; 409 while the run has no plan.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanDiff diff(long id) {
        PlanRun run = get(id);
        PlanResult draft = result(run).orElseThrow(() -> ProblemException.conflict("plan-without-result", "Plan " + id
                + " is " + run.status + (run.purgedAt == null ? " and has no plan yet" : "; its plan was removed by "
                + "retention") + ", so there is nothing to compare").with("current", run.status));
        Optional<PlanRun> inForce = runs.inForce().filter(published -> published.id != id);
        if (inForce.isEmpty()) {
            return PlanDiff.none(id);
        }
        PlanRun published = inForce.get();
        PlanResult before = published.result;
        // Of the plan in force, what publishing replaces: shipments still to leave, days from this plan's date on.
        Map<Long, Integer> lineNos = new HashMap<>();
        before.shipments().forEach(s -> lineNos.put(s.lineId(), s.lineNo()));
        List<PlanDiff.Assignment> shipped = shipments.plannedBy(published.id).stream()
                .map(s -> new PlanDiff.Assignment(new PlanDiff.Slot(s.requestId, s.lineId,
                        lineNos.getOrDefault(s.lineId, 0), s.toCounty, null), s.fromDepot, s.quantity))
                .toList();
        LocalDate from = run.planDate;
        return new PlanDiff(id, published.id, List.of(
                PlanDiff.compare(LineKind.SUPPLY, shipped, supplies(draft)),
                PlanDiff.compare(LineKind.TEAM, teams(before, from), teams(draft, from)),
                PlanDiff.compare(LineKind.ISOLATION_BEDS, beds(before, from), beds(draft, from)),
                PlanDiff.compare(LineKind.LAB_THROUGHPUT, samples(before, from), samples(draft, from))));
    }

    private static List<PlanDiff.Assignment> supplies(PlanResult plan) {
        return plan.shipments().stream().map(s -> new PlanDiff.Assignment(new PlanDiff.Slot(s.requestId(), s.lineId(),
                s.lineNo(), s.toCountyCode(), null), s.fromDepotCode(), s.quantity())).toList();
    }

    private static List<PlanDiff.Assignment> teams(PlanResult plan, LocalDate from) {
        return plan.teamShifts().stream().filter(s -> !s.date().isBefore(from))
                .map(s -> new PlanDiff.Assignment(new PlanDiff.Slot(s.requestId(), s.lineId(), s.lineNo(),
                        s.countyCode(), s.date()), s.teamCode(), 1)).toList();
    }

    private static List<PlanDiff.Assignment> beds(PlanResult plan, LocalDate from) {
        return plan.bedPlacements().stream().filter(b -> !b.date().isBefore(from))
                .map(b -> new PlanDiff.Assignment(new PlanDiff.Slot(b.requestId(), b.lineId(), b.lineNo(),
                        b.countyCode(), b.date()), b.siteCode(), b.beds())).toList();
    }

    private static List<PlanDiff.Assignment> samples(PlanResult plan, LocalDate from) {
        return plan.sampleRoutes().stream().filter(r -> !r.date().isBefore(from))
                .map(r -> new PlanDiff.Assignment(new PlanDiff.Slot(r.requestId(), r.lineId(), r.lineNo(),
                        r.countyCode(), r.date()), r.labCode(), r.samples())).toList();
    }

    /** A draft a scheduler will not publish is discarded (CANCELLED); 409 for any other run. */
    public PlanRun discard(long id) {
        PlanRun run = runs.lock(id);
        if (run.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("plan-not-draft", "Plan " + id + " is " + run.status
                    + "; only a draft is discarded").with("current", run.status);
        }
        runs.discard(run, caller.actor());
        return run;
    }

    /**
     * A queued run is cancelled at once; a solving one is asked to stop and keeps its best plan:
     * the instance solving it, this one or another, reads the request at its next poll.
     */
    public PlanRun stop(long id) {
        PlanRun run = runs.lock(id);
        switch (run.status) {
            case QUEUED -> runs.cancel(run);
            case SOLVING -> runs.stop(run);
            default -> throw ProblemException.conflict("plan-not-running", "Plan " + id + " is " + run.status
                    + "; only a queued or solving plan can be stopped").with("current", run.status);
        }
        return run;
    }
}
