package org.surgeline.testing;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/labs/{code}/status}. */
public record StatusChange(@NotNull LabStatus status) {
}
