package org.surgeline.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/problems}. The deadline is a date-time with an offset, or a date meaning
 * the end of that day in the city's zone; one already past is accepted (problems are often written
 * up late). The links are optional and must name existing records.
 */
public record NewProblem(
        @NotBlank String county,
        @NotNull ProblemCategory category,
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Valid Owner owner,
        @NotBlank @Size(max = 2000) String measure,
        @NotBlank @Schema(description = "2026-12-03T18:00:00+08:00, or 2026-12-03 for the end of that day in the city")
        String deadline,
        @Positive Long requestId,
        @Size(max = 32) String depot,
        @Size(max = 32) String site,
        @Size(max = 32) String lab) {

    /** Who owns the problem: a person, reachable by phone. */
    public record Owner(@NotBlank @Size(max = 128) String name,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[0-9+() -]{3,32}",
                    message = "digits, spaces, +, -, ( and ) only") String phone) {
    }
}
