package org.surgeline.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Body of {@code POST /api/allocation-requests/{id}/lines/{lineNo}/confirm}: what the line got. */
public record LineConfirmation(@NotNull @PositiveOrZero Long quantity) {
}
