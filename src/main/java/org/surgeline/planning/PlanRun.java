package org.surgeline.planning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One planning run, kept in the database so any instance can solve it and everyone can read it. */
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
    @Column(name = "horizon_days")
    public int horizonDays;
    @Column(name = "time_limit_seconds")
    public int timeLimitSeconds;
    /** Why the run exists: MANUAL, or what triggered it. */
    public String reason;
    public String score;
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
    public String error;
    /** The best plan found, as JSON ({@link PlanResult}). */
    public String result;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
}
