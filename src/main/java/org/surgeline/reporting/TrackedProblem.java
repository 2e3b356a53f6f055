package org.surgeline.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.surgeline.platform.LastChange;

/** A problem on the command's list: who owns it, the measure, the deadline, and where it stands. */
@Entity
@Table(name = "tracked_problem")
public class TrackedProblem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracked_problem_seq")
    @SequenceGenerator(name = "tracked_problem_seq", sequenceName = "tracked_problem_seq", allocationSize = 50)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    @Enumerated(EnumType.STRING)
    public ProblemCategory category;
    public String description;
    @Column(name = "owner_name")
    public String ownerName;
    @Column(name = "owner_phone")
    public String ownerPhone;
    public String measure;
    public Instant deadline;
    @Enumerated(EnumType.STRING)
    public ProblemStatus status;
    @Column(name = "request_id")
    public Long requestId;
    @Column(name = "depot_code")
    public String depotCode;
    @Column(name = "site_code")
    public String siteCode;
    @Column(name = "lab_code")
    public String labCode;
    @Column(name = "resolution_note")
    public String resolutionNote;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Embedded
    public LastChange lastChange = new LastChange();

    /** Open or in progress past its deadline; computed, never stored. */
    public boolean overdue(Instant now) {
        return status.active() && deadline.isBefore(now);
    }
}
