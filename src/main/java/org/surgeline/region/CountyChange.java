package org.surgeline.region;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/counties/{code}}: everything but the code and the risk level (its own endpoint). */
public record CountyChange(
        @NotBlank @Size(max = 64) String nameZh,
        @NotBlank @Size(max = 64) String namePinyin,
        @NotNull @PositiveOrZero Long population,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
