package org.surgeline.setup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** One row of a travel-times file: the minutes set by hand for one direction. */
public record TravelTimeRow(@NotBlank String from, @NotBlank String to, @NotNull @Min(1) @Max(1440) Integer minutes) {
}
