package org.surgeline.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.surgeline.personnel.Skill;

/**
 * One thing a request asks for. Planned counts every shipment not cancelled, dispatched those
 * on their way or arrived, delivered those arrived.
 */
@Entity
@Table(name = "allocation_line")
public class AllocationLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "allocation_line_seq")
    @SequenceGenerator(name = "allocation_line_seq", sequenceName = "allocation_line_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id")
    public AllocationRequest request;
    @Column(name = "line_no")
    public int lineNo;
    @Enumerated(EnumType.STRING)
    public LineKind kind;
    @Column(name = "item_code")
    public String itemCode;
    @Enumerated(EnumType.STRING)
    public Skill skill;
    public long quantity;
    @Column(name = "from_date")
    public LocalDate fromDate;
    public Integer days;
    @Column(name = "quantity_planned")
    public long quantityPlanned;
    @Column(name = "quantity_dispatched")
    public long quantityDispatched;
    @Column(name = "quantity_delivered")
    public long quantityDelivered;
    /** Who confirmed what a team, bed or lab line got; null until confirmed. */
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public long unplanned() {
        return quantity - quantityPlanned;
    }

    /**
     * A team, bed or lab line is still running until its last day has passed, unless its officer
     * confirmed what it got. Supply lines finish through their shipments instead.
     */
    boolean runningOn(LocalDate today) {
        return kind != LineKind.SUPPLY && confirmedBy == null && fromDate.plusDays(days).isAfter(today);
    }
}
