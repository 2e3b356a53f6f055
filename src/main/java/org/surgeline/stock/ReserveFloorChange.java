package org.surgeline.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Body of {@code PUT /api/depots/{code}/stock/{itemCode}/reserve-floor}. */
public record ReserveFloorChange(@NotNull @PositiveOrZero @Max(MovementRequest.MAX_QUANTITY) Long reserveFloor) {
}
