package org.surgeline.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/depots}. */
public record NewDepot(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}", message = "1-32 capital letters, digits or dashes") String code,
        @NotBlank @Size(max = 128) String name,
        @NotBlank String county,
        @NotNull DepotKind kind) {
}
