package org.surgeline.planning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;

/** Body of {@code POST /api/plans}; every field has a default. */
public record NewPlanRun(
        LocalDate planDate,
        @Min(1) @Max(31) Integer horizonDays,
        @Min(1) @Max(3600) Integer timeLimitSeconds) {
}
