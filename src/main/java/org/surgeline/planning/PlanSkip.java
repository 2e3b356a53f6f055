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

/**
 * A rebalancing run that was not queued because it would only have repeated another: the record
 * of a trigger-check slot (or a {@code POST /api/plans/rebalance}) that found the work done or doing.
 */
@Entity
@Table(name = "plan_skip")
public class PlanSkip extends PanacheEntityBase {

    /** Why a rebalancing run was not queued. */
    public enum Rule {
        /** A run for the same triggers is still queued or solving. */
        ALREADY_QUEUED,
        /** The last run for the same triggers started from the same state and was not published. */
        UNCHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_skip_seq")
    @SequenceGenerator(name = "plan_skip_seq", sequenceName = "plan_skip_seq", allocationSize = 1)
    public Long id;
    /** The trigger-check slot skipped; null for a request through the API. */
    public Instant slot;
    @Enumerated(EnumType.STRING)
    public Rule rule;
    public String reason;
    @Column(name = "trigger_key")
    public String triggerKey;
    /** The run that made this one needless. */
    @Column(name = "run_id")
    public long runId;
    @Column(name = "skipped_by")
    public String skippedBy;
    @Column(name = "skipped_at")
    public Instant skippedAt;
}
