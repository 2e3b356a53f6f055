package org.surgeline.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The city's day: one row per county expected to report, the city totals (sums of the reports
 * received; days of cover the lowest county's), and the change since the previous day (left out
 * where either day has no report). A closed day's summary never changes.
 */
public record DailySummary(LocalDate date, Instant cutoffAt, Instant closesAt, boolean closed, int expected,
        int reported, int missing, ReportFigures city, ReportFigures cityChange, List<Row> counties) {

    public enum Status {
        ON_TIME, LATE, MISSING
    }

    /** A county's row; a MISSING one has only county, name and status, and change needs the day before's report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String county, String name, Status status, Boolean zeroReport, Integer version,
            Instant submittedAt, String submittedBy, String narrative, ReportFigures figures, ReportFigures change) {
    }
}
