package org.surgeline.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/shipments}: fulfil (part of) a supply line directly from a depot. */
public record NewShipment(
        @NotNull @Positive Long requestId,
        @NotNull @Positive Integer lineNo,
        @NotBlank String fromDepot,
        @NotNull @Positive @Max(1_000_000_000_000L) Long quantity,
        @Size(min = 3, max = 500) String floorOverride) {
}
