package org.surgeline.personnel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/teams/{code}}: everything but the code and the days off (their own endpoint). */
public record TeamChange(
        @NotBlank @Size(max = 128) String name,
        @NotNull Skill skill,
        @NotNull @Min(1) @Max(500) Integer headcount,
        @NotBlank String homeCounty) {

    public static TeamChange of(Team t) {
        return new TeamChange(t.name, t.skill, t.headcount, t.homeCounty);
    }
}
