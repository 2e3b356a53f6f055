package org.surgeline.testing;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Body of {@code PUT /api/labs/{code}/status}: the status from {@code effectiveFrom} (default today) on. */
public record StatusChange(@NotNull LabStatus status, LocalDate effectiveFrom) {
}
