package org.surgeline.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/stock/reservations}: hold stock for an allocation. */
public record NewReservation(
        @NotBlank String depot,
        @NotBlank String item,
        @NotNull @Positive @Max(MovementRequest.MAX_QUANTITY) Long quantity,
        @NotBlank @Size(max = 128) String reference,
        @Size(min = 3, max = 500) String floorOverride) {
}
