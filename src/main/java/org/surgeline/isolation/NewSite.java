package org.surgeline.isolation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/isolation/sites}. */
public record NewSite(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}", message = "1-32 capital letters, digits or dashes") String code,
        @NotBlank @Size(max = 128) String name,
        @NotBlank String county,
        @NotNull SiteKind kind,
        @Size(max = 256) String address,
        @Size(max = 128) String contact) {

    /** The editable part, as {@code PUT /api/isolation/sites/{code}} takes it. */
    public SiteChange change() {
        return new SiteChange(name, county, kind, address, contact);
    }
}
