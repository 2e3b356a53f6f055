package org.surgeline.planning;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.surgeline.platform.Locks;
import org.surgeline.platform.ResultPage;

/**
 * The owner of {@code plan_run}: every change of a run's status is one named transition here,
 * checked against {@link PlanStatus#next()}. The transitions of a claimed run are single
 * conditional updates guarded by the claim (status, {@code claimedBy}, attempt number) and by
 * the database's clock for leases: those guards, not the table, keep replicas apart; a move the
 * table does not list is a programming error. The caller owns the transaction.
 */
@ApplicationScoped
public class PlanRuns {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    /** A solved run's plan and what it was solved from, as stored when the run becomes a draft. */
    record Draft(String score, PlanResult result, Long basePlanId, String baselineScore, int changedAssignments,
            String stateKey) {
    }

    /** This instance's name in {@code claimed_by}: the JVM's pid@host (the pod name on Kubernetes). */
    String instance() {
        return instance;
    }

    /** The database's clock: every replica sets and compares leases and slots by it, whatever its own says. */
    @Transactional(TxType.MANDATORY)
    public Instant databaseNow() {
        Object now = em.createNativeQuery("select current_timestamp").getSingleResult();
        if (now instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (now instanceof Timestamp t) {
            return t.toInstant();
        }
        if (now instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        return (Instant) now;
    }

    // --- Reads -------------------------------------------------------------------------------

    public Optional<PlanRun> find(long id) {
        return PlanRun.findByIdOptional(id);
    }

    /** The run with its row locked until the transaction ends; 404 if there is none. */
    @Transactional(TxType.MANDATORY)
    public PlanRun lock(long id) {
        return Locks.existing(em, PlanRun.class, id, "Plan");
    }

    public ResultPage<PlanRun> list(Optional<PlanStatus> status, int page, int size) {
        return ResultPage.of(status.map(s -> PlanRun.<PlanRun>find("status", Sort.descending("id"), s))
                .orElseGet(() -> PlanRun.findAll(Sort.descending("id"))), page, size);
    }

    /** The PUBLISHED run, if any. */
    public Optional<PlanRun> inForce() {
        return PlanRun.<PlanRun>find("status", PlanStatus.PUBLISHED).firstResultOptional();
    }

    /** The latest REBALANCE run queued for a set of triggers ({@link RebalanceTrigger#key}). */
    public Optional<PlanRun> lastRebalance(String triggerKey) {
        return PlanRun.<PlanRun>find("kind = ?1 and triggerKey = ?2", Sort.descending("id"), PlanKind.REBALANCE,
                triggerKey).firstResultOptional();
    }

    /** Runs a caller asked for through the API (no slot) that are still queued or solving. */
    public long unfinishedAskedBy(String actor) {
        return PlanRun.count("createdBy = ?1 and slot is null and status in ?2", actor,
                List.of(PlanStatus.QUEUED, PlanStatus.SOLVING));
    }

    /**
     * The next runs to claim, by the database's {@code now}: queued, or solving with a passed
     * lease. Scheduled runs (nightly, rebalancing) first, so that manual runs cannot hold them back.
     */
    List<PlanRun> claimable(Instant now) {
        return PlanRun.<PlanRun>find("(status = ?1 or (status = ?2 and leaseUntil < ?3)) "
                + "order by case when kind = ?4 then 1 else 0 end, id",
                PlanStatus.QUEUED, PlanStatus.SOLVING, now, PlanKind.MANUAL).page(0, 5).list();
    }

    /** Of these runs, those asked to stop. */
    List<Long> stopRequested(Collection<Long> runIds) {
        return PlanRun.<PlanRun>list("id in ?1 and stopRequested = true", runIds).stream().map(run -> run.id).toList();
    }

    /** Runs solving now: a run whose lease passed is not, its instance is gone. */
    public long solving(Instant now) {
        return PlanRun.count("status = ?1 and leaseUntil >= ?2", PlanStatus.SOLVING, now);
    }

    /** Runs waiting for a claim: queued, or solving with a passed lease. */
    public long waiting(Instant now) {
        return PlanRun.count("status = ?1 or (status = ?2 and leaseUntil < ?3)", PlanStatus.QUEUED,
                PlanStatus.SOLVING, now);
    }

    // --- Transitions -------------------------------------------------------------------------

    /** A new run, filled in by its caller, joins the queue. */
    @Transactional(TxType.MANDATORY)
    public PlanRun queue(PlanRun run) {
        run.status = PlanStatus.QUEUED;
        run.createdAt = clock.instant();
        run.persist();
        return run;
    }

    /**
     * Claims a run read by {@link #claimable} for this instance, for a lease from the database's
     * {@code now}, unless another instance claimed it since it was read.
     */
    @Transactional(TxType.MANDATORY)
    boolean claim(PlanRun next, Instant now, Duration lease, LocalDate planDate) {
        require(next.status, PlanStatus.SOLVING);
        // The best score of an earlier claim is not this one's: it starts from nothing.
        return PlanRun.update("status = ?1, startedAt = ?2, claimedBy = ?3, leaseUntil = ?4, "
                + "attempts = attempts + 1, planDate = ?8, bestScore = null, bestScoreAt = null "
                + "where id = ?5 and attempts = ?6 "
                + "and (status = ?7 or (status = ?1 and leaseUntil < ?2))",
                PlanStatus.SOLVING, now, instance, now.plus(lease), next.id, next.attempts, PlanStatus.QUEUED,
                planDate) == 1;
    }

    /** Puts a run claimed here and never started back in the queue, its attempt not counted. */
    @Transactional(TxType.MANDATORY)
    boolean handBack(long runId, int attempt) {
        require(PlanStatus.SOLVING, PlanStatus.QUEUED);
        return PlanRun.update("status = ?1, attempts = attempts - 1, "
                        + "claimedBy = null, leaseUntil = null, startedAt = null, bestScore = null, bestScoreAt = null "
                        + "where id = ?2 and status = ?3 and claimedBy = ?4 and attempts = ?5",
                PlanStatus.QUEUED, runId, PlanStatus.SOLVING, instance, attempt) == 1;
    }

    /**
     * Records the best score a run solving here has found so far, if the claim is still this
     * instance's and the run still solving.
     */
    @Transactional(TxType.MANDATORY)
    boolean recordBest(long runId, int attempt, String score, Instant at) {
        return PlanRun.update("bestScore = ?1, bestScoreAt = ?2 "
                        + "where id = ?3 and status = ?4 and claimedBy = ?5 and attempts = ?6",
                score, at, runId, PlanStatus.SOLVING, instance, attempt) == 1;
    }

    /**
     * Stores the plan of a run solved here as a draft, if the claim is still this instance's;
     * the run as stored (its {@code stopRequested} as of now), or empty if the claim was lost.
     */
    @Transactional(TxType.MANDATORY)
    Optional<PlanRun> store(long runId, int attempt, Draft draft) {
        require(PlanStatus.SOLVING, PlanStatus.DRAFT);
        boolean updated = PlanRun.update(
                "status = ?1, score = ?2, bestScore = ?2, bestScoreAt = ?4, result = ?3, endedAt = ?4, "
                        + "basePlanId = ?5, baselineScore = ?6, changedAssignments = ?7, stateKey = ?12 "
                        + "where id = ?8 and status = ?9 and claimedBy = ?10 and attempts = ?11",
                PlanStatus.DRAFT, draft.score(), draft.result(), clock.instant(), draft.basePlanId(),
                draft.baselineScore(), draft.changedAssignments(), runId, PlanStatus.SOLVING, instance, attempt,
                draft.stateKey()) == 1;
        return updated ? Optional.of(PlanRun.<PlanRun>findById(runId)) : Optional.empty();
    }

    /** Fails a run solved here, if the claim is still this instance's. */
    @Transactional(TxType.MANDATORY)
    boolean fail(long runId, int attempt, PlanFailure failure, String stateKey) {
        require(PlanStatus.SOLVING, PlanStatus.FAILED);
        return PlanRun.update("status = ?1, errorCode = ?2, error = ?3, endedAt = ?4, stateKey = ?5 "
                        + "where id = ?6 and status = ?7 and claimedBy = ?8 and attempts = ?9",
                PlanStatus.FAILED, failure.code(), failure.getMessage(), clock.instant(), stateKey,
                runId, PlanStatus.SOLVING, instance, attempt) == 1;
    }

    /**
     * Fails a run read by {@link #claimable} whose claims all ended with a passed lease, unless
     * it was claimed since it was read.
     */
    @Transactional(TxType.MANDATORY)
    boolean giveUp(PlanRun next) {
        require(PlanStatus.SOLVING, PlanStatus.FAILED);
        return PlanRun.update("status = ?1, errorCode = ?2, error = ?3, endedAt = ?4 "
                        + "where id = ?5 and attempts = ?6 and status = ?7",
                PlanStatus.FAILED, PlanFailure.GIVEN_UP, "Given up after " + next.attempts
                        + " claims whose lease passed: the planner instances solving it stopped answering",
                clock.instant(), next.id, next.attempts, PlanStatus.SOLVING) == 1;
    }

    /**
     * Cancels a run read by {@link #claimable} that was asked to stop while no instance solves
     * it (its instance died, or it was handed back), unless it was claimed since it was read.
     */
    @Transactional(TxType.MANDATORY)
    boolean cancelStopped(PlanRun next) {
        require(next.status, PlanStatus.CANCELLED);
        return PlanRun.update("status = ?1, endedAt = ?2 where id = ?3 and attempts = ?4 and status = ?5",
                PlanStatus.CANCELLED, clock.instant(), next.id, next.attempts, next.status) == 1;
    }

    /** Cancels a queued run, its row locked ({@link #lock}). */
    @Transactional(TxType.MANDATORY)
    void cancel(PlanRun locked) {
        require(locked.status, PlanStatus.CANCELLED);
        locked.status = PlanStatus.CANCELLED;
        locked.endedAt = clock.instant();
    }

    /**
     * Asks a solving run, its row locked, to stop: the instance solving it, whichever it is, reads
     * the flag at its next poll, stops and keeps its best plan.
     */
    @Transactional(TxType.MANDATORY)
    void stop(PlanRun locked) {
        if (locked.status != PlanStatus.SOLVING) {
            throw new IllegalStateException("Plan " + locked.id + " is " + locked.status + "; only a solving run stops");
        }
        locked.stopRequested = true;
    }

    /** Publishes a draft, its row locked, with the coverage its publishing recorded. */
    @Transactional(TxType.MANDATORY)
    void publish(PlanRun locked, List<LineCoverage> coverage, String actor) {
        require(locked.status, PlanStatus.PUBLISHED);
        locked.coverage = List.copyOf(coverage);
        locked.status = PlanStatus.PUBLISHED;
        locked.publishedAt = clock.instant();
        locked.publishedBy = actor;
    }

    /** A draft, its row locked, that a scheduler will not publish: CANCELLED, with who discarded it and when. */
    @Transactional(TxType.MANDATORY)
    void discard(PlanRun locked, String actor) {
        require(locked.status, PlanStatus.CANCELLED);
        locked.status = PlanStatus.CANCELLED;
        locked.discardedAt = clock.instant();
        locked.discardedBy = actor;
    }

    /** The plan in force gives way to the one being published. */
    @Transactional(TxType.MANDATORY)
    void supersede(PlanRun inForce) {
        require(inForce.status, PlanStatus.SUPERSEDED);
        inForce.status = PlanStatus.SUPERSEDED;
    }

    /**
     * Retention: drafts, failed and cancelled runs created before {@code cutoff} lose their stored
     * result (the row stays, with {@code purgedAt = now}); published and superseded plans keep theirs.
     */
    @Transactional(TxType.MANDATORY)
    int purgeResults(Instant now, Instant cutoff) {
        return PlanRun.update("result = null, purgedAt = ?1 where status in ?2 and createdAt < ?3 and result is not null",
                now, List.of(PlanStatus.DRAFT, PlanStatus.FAILED, PlanStatus.CANCELLED), cutoff);
    }

    private static void require(PlanStatus from, PlanStatus to) {
        if (!from.mayMoveTo(to)) {
            throw new IllegalStateException("A plan run does not move from " + from + " to " + to);
        }
    }
}
