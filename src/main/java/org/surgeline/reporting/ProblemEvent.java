package org.surgeline.reporting;

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
import org.hibernate.annotations.Immutable;

/** One change of a problem, in order: its creation and every transition. Append-only. */
@Entity
@Immutable
@Table(name = "tracked_problem_event")
public class ProblemEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracked_problem_event_seq")
    @SequenceGenerator(name = "tracked_problem_event_seq", sequenceName = "tracked_problem_event_seq", allocationSize = 50)
    public Long id;
    @Column(name = "problem_id")
    public long problemId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String actor;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ProblemStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ProblemStatus toStatus;
    public String note;
}
