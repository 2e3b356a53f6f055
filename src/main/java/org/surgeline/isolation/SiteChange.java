package org.surgeline.isolation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/isolation/sites/{code}}: everything but the code. */
public record SiteChange(
        @NotBlank @Size(max = 128) String name,
        @NotBlank String county,
        @NotNull SiteKind kind,
        @Size(max = 256) String address,
        @Size(max = 128) String contact) {

    public static SiteChange of(IsolationSite s) {
        return new SiteChange(s.name, s.countyCode, s.kind, s.address, s.contact);
    }
}
