package org.surgeline.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/problems/{id}/transitions}; a note is required to resolve. */
public record ProblemTransition(@NotNull ProblemStatus to, @Size(max = 2000) String note) {
}
