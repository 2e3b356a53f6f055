package org.surgeline.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/stock/movements}. Which fields apply depends on the type:
 * RECEIPT needs lot and expiresOn; TRANSFER needs toDepot; ADJUSTMENT needs reason (and a lot when
 * it adds stock). ISSUE and TRANSFER take the earliest-expiring lots unless a lot is named.
 */
public record MovementRequest(
        @NotNull Kind type,
        @NotBlank String depot,
        String toDepot,
        @NotBlank String item,
        @NotNull @Positive @Max(MAX_QUANTITY) Long quantity,
        @Size(min = 1, max = 64) String lot,
        LocalDate expiresOn,
        AdjustmentReason reason,
        @Size(max = 128) String reference,
        @Size(max = 500) String note,
        @Size(min = 3, max = 500) String floorOverride) {

    public static final long MAX_QUANTITY = 1_000_000_000_000L;

    public enum Kind { RECEIPT, ISSUE, TRANSFER, ADJUSTMENT }
}
