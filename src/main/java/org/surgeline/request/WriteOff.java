package org.surgeline.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.surgeline.stock.AdjustmentReason;

/** Body of {@code POST /api/shipments/{id}/write-off}: why a dispatched shipment will never arrive. */
public record WriteOff(@NotNull AdjustmentReason reason, @NotBlank @Size(min = 3, max = 500) String note) {
}
