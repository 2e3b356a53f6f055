package org.surgeline.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** The counties a closed day expected a report from, fixed once so its summary never changes. */
@Entity
@Immutable
@Table(name = "report_day_close")
public class ReportDayClose extends PanacheEntityBase {

    @Id
    @Column(name = "report_day")
    public LocalDate day;
    @Column(name = "closed_at")
    public Instant closedAt;
    /** County codes, comma-separated. */
    @Column(name = "expected_counties")
    public String expectedCounties;
}
