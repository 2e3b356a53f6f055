package org.surgeline.planning;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.surgeline.platform.CallerContext;

/**
 * The nightly run and the periodic trigger check. Every planner replica fires both jobs; a
 * replica acts on a slot only if it moves the job's {@code last_slot} forward in the database
 * (a conditional update, so replicas racing for one slot serialize on the row and exactly one
 * wins), which makes each slot produce at most one run whatever the number of replicas.
 */
@ApplicationScoped
public class PlanningSchedule {

    private static final Logger LOG = Logger.getLogger(PlanningSchedule.class);
    static final String SCHEDULER = CallerContext.system("scheduler");

    @Inject
    PlanningConfig config;
    @Inject
    PlanService plans;
    @Inject
    RebalancingTriggers triggers;
    @Inject
    PlanSolver solver;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** What a trigger check found, and the run it queued (none when nothing fired). */
    public record Outcome(List<RebalanceTrigger> triggers, Optional<PlanRun> run) {
    }

    @Scheduled(identity = "nightly-plan", cron = "${surgeline.planning.nightly.cron:0 0 2 * * ?}",
            timeZone = "${surgeline.planning.nightly.time-zone:Asia/Shanghai}")
    void nightly(ScheduledExecution execution) {
        if (config.solverEnabled() && config.nightly().enabled()) {
            queueNightly(execution.getScheduledFireTime().truncatedTo(ChronoUnit.MINUTES));
        }
    }

    @Scheduled(identity = "rebalancing-triggers", every = "${surgeline.planning.triggers.interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicCheck() {
        if (config.solverEnabled() && config.triggers().enabled()) {
            checkSlot(slotOf(clock.instant()));
        }
    }

    /** The start of the trigger-check slot an instant falls in; the same on every replica. */
    Instant slotOf(Instant now) {
        long interval = config.triggers().interval().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), interval) * interval);
    }

    Optional<PlanRun> queueNightly(Instant slot) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!claim("NIGHTLY", slot)) {
                return Optional.empty();
            }
            return Optional.of(plans.queue(new NewPlanRun(null, null, config.nightly().timeLimitSeconds()),
                    PlanKind.NIGHTLY, slot, "NIGHTLY", SCHEDULER));
        });
    }

    /** Checks the triggers for one slot, unless another replica (or this one) already did. */
    Outcome checkSlot(Instant slot) {
        return QuarkusTransaction.requiringNew().call(() -> claim("TRIGGERS", slot)
                ? rebalanceIfTriggered(slot, SCHEDULER)
                : new Outcome(List.of(), Optional.empty()));
    }

    /** {@code POST /api/plans/rebalance}: the trigger check now, outside any slot. */
    public Outcome checkNow(String actor) {
        return QuarkusTransaction.requiringNew().call(() -> rebalanceIfTriggered(null, actor));
    }

    private Outcome rebalanceIfTriggered(Instant slot, String actor) {
        List<RebalanceTrigger> fired = triggers.fired();
        if (fired.isEmpty()) {
            return new Outcome(fired, Optional.empty());
        }
        String reason = fired.stream().map(RebalanceTrigger::toString).collect(Collectors.joining("; "));
        PlanRun run = plans.queue(new NewPlanRun(null, null, config.triggers().timeLimitSeconds()),
                PlanKind.REBALANCE, slot, reason, actor);
        LOG.infof("Rebalancing run %d queued: %s", run.id, reason);
        return new Outcome(fired, Optional.of(run));
    }

    /** Moves a job's last slot forward to {@code slot}; false if it is there already. */
    private boolean claim(String job, Instant slot) {
        return em.createNativeQuery("update planning_job set last_slot = ?1, last_by = ?2 "
                        + "where name = ?3 and (last_slot is null or last_slot < ?1)")
                .setParameter(1, slot).setParameter(2, solver.instance()).setParameter(3, job)
                .executeUpdate() == 1;
    }
}
