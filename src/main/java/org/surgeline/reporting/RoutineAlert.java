package org.surgeline.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Something the daily routine needs chased: a report missing after its day's cutoff, a problem
 * past its deadline, a stretch of the next 48 hours with nobody on duty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutineAlert(Kind kind, String county, String detail, LocalDate date, Long problemId, Instant from,
        Instant to) {

    public enum Kind {
        MISSING_REPORT, OVERDUE_PROBLEM, DUTY_GAP
    }
}
