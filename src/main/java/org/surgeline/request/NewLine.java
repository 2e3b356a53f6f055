package org.surgeline.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.surgeline.personnel.Skill;

/**
 * One line of a new request. SUPPLY: {@code item}, {@code quantity} units. TEAM: {@code skill},
 * {@code quantity} teams, {@code fromDate}, {@code days}. ISOLATION_BEDS: {@code quantity} beds,
 * {@code fromDate}, {@code days}. LAB_THROUGHPUT: {@code quantity} samples a day, {@code fromDate},
 * {@code days}.
 */
public record NewLine(
        @NotNull LineKind kind,
        @Size(max = 32) String item,
        Skill skill,
        @NotNull @Positive @Max(1_000_000_000_000L) Long quantity,
        LocalDate fromDate,
        @Positive @Max(366) Integer days) {
}
