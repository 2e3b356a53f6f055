package org.surgeline.isolation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/isolation/sites/{code}/rooms}: rooms {@code prefix + from} to
 * {@code prefix + to}, each with {@code beds} beds, all PLANNED. At most 2,000 rooms a call.
 */
public record NewRooms(
        @NotNull @Min(0) @Max(99_999) Integer from,
        @NotNull @Min(0) @Max(99_999) Integer to,
        @NotNull @Min(1) @Max(50) Integer beds,
        @Pattern(regexp = "[A-Za-z0-9-]{0,8}", message = "up to 8 letters, digits or dashes") String prefix) {

    public static final int MAX_ROOMS = 2_000;
}
