package org.surgeline.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/stock/adjustments/{id}/reject}. */
public record AdjustmentRejection(@NotBlank @Size(max = 500) String reason) {
}
