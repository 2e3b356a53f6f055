package org.surgeline.planning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * One planning run, kept in the database so any instance can solve it and everyone can read it.
 * Its status moves only through {@link PlanRuns}, along {@link PlanStatus#next()}.
 */
@Entity
@Table(name = "plan_run")
public class PlanRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_run_seq")
    @SequenceGenerator(name = "plan_run_seq", sequenceName = "plan_run_seq", allocationSize = 1)
    public Long id;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    @Column(name = "plan_date")
    public LocalDate planDate;
    /**
     * Whether the caller named the plan date; if not, the date is decided when the run is claimed
     * (a run queued before midnight and solved after it plans from the day it runs).
     */
    @Column(name = "plan_date_chosen")
    public boolean planDateChosen;
    @Column(name = "horizon_days")
    public int horizonDays;
    @Column(name = "time_limit_seconds")
    public int timeLimitSeconds;
    @Enumerated(EnumType.STRING)
    public PlanKind kind = PlanKind.MANUAL;
    /** Why the run exists: MANUAL, NIGHTLY, or the triggers that fired. */
    public String reason;
    /** The scheduled slot this run was created for; null when asked for through the API. */
    public Instant slot;
    public String score;
    /** While solving: the best score found so far and when, written at most once a second; then the final score. */
    @Column(name = "best_score")
    public String bestScore;
    @Column(name = "best_score_at")
    public Instant bestScoreAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    /** Which instance solves (or solved) it. */
    @Column(name = "claimed_by")
    public String claimedBy;
    /** A solving run whose lease has passed is claimed again by another instance. */
    @Column(name = "lease_until")
    public Instant leaseUntil;
    public int attempts;
    /** Asked to stop early; the instance solving it (whichever it is) stops and keeps its best plan. */
    @Column(name = "stop_requested")
    public boolean stopRequested;
    /** Why the run failed: a stable code ({@link PlanFailure}) and a sentence, never exception text. */
    @Column(name = "error_code")
    public String errorCode;
    public String error;
    /** The published plan this run started from (null if none was published). */
    @Column(name = "base_plan_id")
    public Long basePlanId;
    /** The base plan's assignments scored on this run's problem; what auto-publish must not worsen. */
    @Column(name = "baseline_score")
    public String baselineScore;
    /** Assignments of the base plan this plan moved or dropped. */
    @Column(name = "changed_assignments")
    public Integer changedAssignments;
    /**
     * What publishing recorded on team, bed and lab lines, stored as JSON. Lazy, as the result:
     * listing and polling runs never read them. Never changed in place, only replaced, so
     * Hibernate keeps no second copy of it to compare at flush.
     */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<LineCoverage> coverage;
    /** The best plan found, stored as JSON; loaded only when read, and replaced, never changed in place. */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public PlanResult result;
    /** The triggers a REBALANCE run was queued for, as a hash ({@link RebalanceTrigger#key}). */
    @Column(name = "trigger_key")
    public String triggerKey;
    /** The state the run started from, as a hash ({@link PlanningState}). */
    @Column(name = "state_key")
    public String stateKey;
    /** When retention removed the stored result of this (unpublished) run. */
    @Column(name = "purged_at")
    public Instant purgedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
    /** A draft a scheduler discarded is CANCELLED, with who and when. */
    @Column(name = "discarded_at")
    public Instant discardedAt;
    @Column(name = "discarded_by")
    public String discardedBy;
}
