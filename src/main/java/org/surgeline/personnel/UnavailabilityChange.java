package org.surgeline.personnel;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/** Body of {@code PUT /api/teams/{code}/unavailability}: the full set of days off, replacing the old one. */
public record UnavailabilityChange(@NotNull @Size(max = 366) Set<@NotNull LocalDate> dates) {
}
