package org.surgeline.region;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/travel-times/{from}/{to}}. */
public record TravelTimeChange(@NotNull @Min(1) @Max(1440) Integer minutes) {
}
