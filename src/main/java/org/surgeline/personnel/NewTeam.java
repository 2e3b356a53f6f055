package org.surgeline.personnel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/teams}. */
public record NewTeam(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}", message = "1-32 capital letters, digits or dashes") String code,
        @NotBlank @Size(max = 128) String name,
        @NotNull Skill skill,
        @NotNull @Min(1) @Max(500) Integer headcount,
        @NotBlank String homeCounty) {

    /** The editable part, as {@code PUT /api/teams/{code}} takes it. */
    public TeamChange change() {
        return new TeamChange(name, skill, headcount, homeCounty);
    }
}
