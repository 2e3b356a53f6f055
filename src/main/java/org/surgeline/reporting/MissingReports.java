package org.surgeline.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Counties without a report for a day. {@code pastCutoff}: the cutoff has passed, so each is an
 * alert (before it, they are only not in yet).
 */
public record MissingReports(LocalDate date, Instant cutoffAt, boolean pastCutoff, boolean closed,
        List<String> counties) {
}
