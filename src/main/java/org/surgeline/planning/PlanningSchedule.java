package org.surgeline.planning;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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
    PlanRuns runs;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Inject
    PlanningState state;
    @Inject
    MeterRegistry registry;

    /**
     * What a trigger check found, and the run it queued: none when nothing fired, or when it
     * would only repeat another run ({@code skipped} says which and why).
     */
    public record Outcome(List<RebalanceTrigger> triggers, Optional<PlanRun> run, Optional<PlanSkip> skipped) {
        static Outcome nothing(List<RebalanceTrigger> triggers) {
            return new Outcome(triggers, Optional.empty(), Optional.empty());
        }
    }

    @Scheduled(identity = "nightly-plan", cron = "${surgeline.planning.nightly.cron}",
            timeZone = "${surgeline.planning.nightly.time-zone}")
    void nightly(ScheduledExecution execution) {
        if (config.solverEnabled() && config.nightly().enabled()) {
            queueNightly(execution.getScheduledFireTime().truncatedTo(ChronoUnit.MINUTES));
        }
    }

    /**
     * On start: a job row missing from {@code planning_job} would make every slot claim of that job
     * fail to match, silently disabling it, so it is created (and logged). The night's run, if its
     * time passed while no planner was up, is queued by the first trigger check, which runs as
     * soon as the service listens ({@code platform.JobsAfterStart}), off the start's critical path.
     */
    void onStart(@Observes StartupEvent event) {
        for (String job : List.of("NIGHTLY", "TRIGGERS", "PUBLISH", "QUEUE")) {
            ensureJob(job);
        }
    }

    /** Creates a missing job row; true if it was missing. */
    boolean ensureJob(String job) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!em.createNativeQuery("select name from planning_job where name = ?1").setParameter(1, job)
                        .getResultList().isEmpty()) {
                    return false;
                }
                em.createNativeQuery("insert into planning_job (name) values (?1)").setParameter(1, job).executeUpdate();
                LOG.warnf("The planning_job row %s was missing and has been created; without it the job never ran", job);
                return true;
            });
        } catch (RuntimeException e) {
            // Another replica starting at the same time created it first.
            LOG.warnf("The planning_job row %s could not be created here: %s", job, e.getMessage());
            return false;
        }
    }

    @Scheduled(identity = "rebalancing-triggers", every = "${surgeline.planning.triggers.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicCheck() {
        if (!config.solverEnabled()) {
            return;
        }
        // Slots by the database's clock, so that replicas whose clocks differ agree on them.
        Instant now = QuarkusTransaction.requiringNew().call(runs::databaseNow);
        if (config.nightly().enabled()) {
            catchUpNightly(now);
        }
        if (config.triggers().enabled()) {
            checkSlot(slotOf(now));
        }
    }

    /**
     * Queues today's most recent nightly slot if it has passed and no replica took it (the cron
     * only fires at times after start, so a night with no planner up at the hour would have no
     * run); through the same slot claim as the cron, so it happens once across replicas.
     */
    Optional<PlanRun> catchUpNightly(Instant now) {
        ZonedDateTime at = now.atZone(ZoneId.of(config.nightly().timeZone()));
        Optional<ZonedDateTime> last = ExecutionTime.forCron(new CronParser(
                CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ)).parse(config.nightly().cron()))
                .lastExecution(at.plusSeconds(1));
        if (last.isEmpty() || !last.get().toLocalDate().equals(at.toLocalDate())) {
            return Optional.empty();
        }
        Optional<PlanRun> queued = queueNightly(last.get().toInstant().truncatedTo(ChronoUnit.MINUTES));
        queued.ifPresent(run -> LOG.infof("Nightly run %d queued for the missed slot %s", run.id, run.slot));
        return queued;
    }

    /** Retention of old runs' results ({@code surgeline.planning.retention}); any planner may apply it. */
    @Scheduled(identity = "plan-retention", every = "${surgeline.planning.retention.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retention() {
        if (config.solverEnabled()) {
            int purged = QuarkusTransaction.requiringNew().call(plans::purgeResults);
            if (purged > 0) {
                LOG.infof("Retention removed the stored result of %d old unpublished runs", purged);
            }
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
                    PlanKind.NIGHTLY, slot, "NIGHTLY", SCHEDULER, null));
        });
    }

    /** Checks the triggers for one slot, unless another replica (or this one) already did. */
    Outcome checkSlot(Instant slot) {
        return QuarkusTransaction.requiringNew().call(() -> claim("TRIGGERS", slot)
                ? rebalanceIfTriggered(slot, SCHEDULER)
                : Outcome.nothing(List.of()));
    }

    /** {@code POST /api/plans/rebalance}: the trigger check now, outside any slot. */
    public Outcome checkNow(String actor) {
        return QuarkusTransaction.requiringNew().call(() -> rebalanceIfTriggered(null, actor));
    }

    /**
     * Queues a REBALANCE run if any trigger fires, unless it would repeat another run: one for the
     * same triggers still queued or solving, or the last one for the same triggers started from
     * the state of now and left unpublished (it would find the same plan). A skip is recorded,
     * logged and counted. Decisions serialize on the TRIGGERS job row, so a request through the
     * API and a slot on another replica cannot both queue.
     */
    private Outcome rebalanceIfTriggered(Instant slot, String actor) {
        em.createNativeQuery("select name from planning_job where name = 'TRIGGERS' for update").getResultList();
        List<RebalanceTrigger> fired = triggers.fired();
        if (fired.isEmpty()) {
            return Outcome.nothing(fired);
        }
        String reason = RebalanceTrigger.summary(fired);
        String key = RebalanceTrigger.key(fired);
        Optional<PlanRun> last = plans.lastRebalance(key);
        if (last.isPresent()) {
            PlanRun previous = last.get();
            if (previous.status == PlanStatus.QUEUED || previous.status == PlanStatus.SOLVING) {
                return skip(fired, slot, actor, key, previous, PlanSkip.Rule.ALREADY_QUEUED, "run " + previous.id
                        + " for the same triggers is " + previous.status);
            }
            boolean unpublished = previous.status != PlanStatus.PUBLISHED && previous.status != PlanStatus.SUPERSEDED;
            if (unpublished && previous.stateKey != null
                    && previous.stateKey.equals(state.of(LocalDate.now(clock)))) {
                return skip(fired, slot, actor, key, previous, PlanSkip.Rule.UNCHANGED, "run " + previous.id
                        + " for the same triggers started from the same state (plan in force, stock, requests, "
                        + "capacity) and was left " + previous.status);
            }
        }
        PlanRun run = plans.queue(new NewPlanRun(null, null, config.triggers().timeLimitSeconds()),
                PlanKind.REBALANCE, slot, reason, actor, key);
        LOG.infof("Rebalancing run %d queued: %s", run.id, reason);
        return new Outcome(fired, Optional.of(run), Optional.empty());
    }

    private Outcome skip(List<RebalanceTrigger> fired, Instant slot, String actor, String key, PlanRun previous,
            PlanSkip.Rule rule, String why) {
        PlanSkip skip = new PlanSkip();
        skip.slot = slot;
        skip.rule = rule;
        skip.reason = why.length() > 1000 ? why.substring(0, 997) + "..." : why;
        skip.triggerKey = key;
        skip.runId = previous.id;
        skip.skippedBy = actor;
        skip.skippedAt = clock.instant();
        skip.persist();
        registry.counter("surgeline.plan.runs.skipped", "reason", rule == PlanSkip.Rule.ALREADY_QUEUED
                ? "already-queued" : "unchanged").increment();
        LOG.infof("Rebalancing %s skipped: %s", slot == null ? "asked by " + actor : "slot " + slot, why);
        return new Outcome(fired, Optional.empty(), Optional.of(skip));
    }

    /** Moves a job's last slot forward to {@code slot}; false if it is there already. */
    private boolean claim(String job, Instant slot) {
        return em.createNativeQuery("update planning_job set last_slot = ?1, last_by = ?2 "
                        + "where name = ?3 and (last_slot is null or last_slot < ?1)")
                .setParameter(1, slot).setParameter(2, runs.instance()).setParameter(3, job)
                .executeUpdate() == 1;
    }
}
