package org.surgeline.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/depots/{code}}: everything but the code. */
public record DepotChange(
        @NotBlank @Size(max = 128) String name,
        @NotBlank String county,
        @NotNull DepotKind kind) {

    public static DepotChange of(Depot d) {
        return new DepotChange(d.name, d.countyCode, d.kind);
    }
}
