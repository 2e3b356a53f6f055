package org.surgeline.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One change to a record: who, when, what, from what to what. Append-only. */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 50)
    public Long id;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    /** The actor's stable key (a token's subject, a job's {@code system:} name). */
    public String actor;
    /** The actor's display name when the record was written (a token's preferred user name); may change later. */
    @Column(name = "actor_name")
    public String actorName;
    /** The kind of record changed, e.g. {@code AllocationRequest}, {@code StockBalance}. */
    public String entity;
    /** The changed record's key, e.g. a request id or {@code WH-141024/SWAB}. */
    @Column(name = "entity_key")
    public String entityKey;
    /** The county whose record it is (an officer reads their own county's); null for city-level records. */
    @Column(name = "county_code")
    public String countyCode;
    /** What was done, e.g. {@code APPROVE}, {@code SET_RESERVE_FLOOR}. */
    public String action;
    @Column(name = "before_value")
    public String before;
    @Column(name = "after_value")
    public String after;
}
