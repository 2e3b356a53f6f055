package org.surgeline.testing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST /api/labs}; capacity applies from {@code effectiveFrom} (default today). */
public record NewLab(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}", message = "1-32 capital letters, digits or dashes") String code,
        @NotBlank @Size(max = 128) String name,
        @NotBlank String county,
        @NotNull @Min(0) @Max(1_000_000) Integer tubesPerDay,
        @NotNull @Min(1) @Max(50) Integer poolingRatio,
        LocalDate effectiveFrom) {
}
