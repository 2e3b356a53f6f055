package org.surgeline.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/items/{code}}: everything but the code. */
public record SupplyItemChange(
        @NotBlank @Size(max = 128) String name,
        @NotBlank @Size(max = 16) String unit,
        @NotNull SupplyCategory category,
        @NotNull @Positive @Max(1_000_000) Long parcelSize,
        @NotNull @Positive @Max(36_500) Integer shelfLifeDays,
        @NotNull @PositiveOrZero @Max(1_000_000) Double dailyUsePer10k) {

    public static SupplyItemChange of(SupplyItem i) {
        return new SupplyItemChange(i.name, i.unit, i.category, i.parcelSize, i.shelfLifeDays, i.dailyUsePer10k);
    }
}
