package org.surgeline.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.surgeline.platform.LastChange;

/** One county's report for one day; its content is in its versions, the current one last. */
@Entity
@Table(name = "daily_report")
public class DailyReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "daily_report_seq")
    @SequenceGenerator(name = "daily_report_seq", sequenceName = "daily_report_seq", allocationSize = 50)
    public Long id;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "report_day")
    public LocalDate day;
    @Column(name = "current_version")
    public int currentVersion;
    /** The first submission came after the day's cutoff. */
    public boolean late;
    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;
    @Embedded
    public LastChange lastChange = new LastChange();
}
