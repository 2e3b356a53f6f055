package org.surgeline.region;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/counties}: a county-level division, keyed by its division code. */
public record NewCounty(
        @NotBlank @Pattern(regexp = "[A-Z0-9]{1,12}", message = "1-12 capital letters or digits (the GB/T 2260 code)") String code,
        @NotBlank @Size(max = 64) String nameZh,
        @NotBlank @Size(max = 64) String namePinyin,
        @NotNull @PositiveOrZero Long population,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    /** The editable part, as {@code PUT /api/counties/{code}} takes it. */
    public CountyChange change() {
        return new CountyChange(nameZh, namePinyin, population, latitude, longitude);
    }
}
