package org.surgeline.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A county's report for a day as it stands (its current version), with every version in order.
 * {@code late}: first submitted after the cutoff; {@code closed}: the day is closed, read-only.
 */
public record DailyReportView(String county, LocalDate date, int version, @Schema(nullable = true) String narrative,
        boolean zeroReport,
        boolean late, ReportFigures figures, Instant submittedAt, String submittedBy, Instant cutoffAt,
        Instant closesAt, boolean closed, List<Version> versions) {

    /** One submission: who, when, what was said, and whether it came after the cutoff. */
    public record Version(int version, @Schema(nullable = true) String narrative, boolean zeroReport, boolean late, ReportFigures figures,
            Instant submittedAt, String submittedBy, String submittedByName) {
    }
}
