package org.surgeline.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/items}. */
public record NewSupplyItem(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}", message = "1-32 capital letters, digits or dashes") String code,
        @NotBlank @Size(max = 128) String name,
        @NotBlank @Size(max = 16) String unit,
        @NotNull SupplyCategory category,
        @NotNull @Positive @Max(1_000_000) Long parcelSize,
        @NotNull @Positive @Max(36_500) Integer shelfLifeDays,
        @NotNull @PositiveOrZero @Max(1_000_000) Double dailyUsePer10k) {

    /** The editable part, as {@code PUT /api/items/{code}} takes it. */
    public SupplyItemChange change() {
        return new SupplyItemChange(name, unit, category, parcelSize, shelfLifeDays, dailyUsePer10k);
    }
}
