package org.surgeline.testing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Body of {@code PUT /api/labs/{code}/capacity}: a new capacity from a date (default today) on. */
public record CapacityChange(
        @NotNull @Min(0) @Max(1_000_000) Integer tubesPerDay,
        @NotNull @Min(1) @Max(50) Integer poolingRatio,
        LocalDate effectiveFrom) {
}
