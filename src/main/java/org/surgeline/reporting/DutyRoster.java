package org.surgeline.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /api/duty/{county}/{date}}: the day's shifts, which replace those the day had.
 * Times are the city's; a shift whose {@code to} is not after its {@code from} ends the next day.
 */
public record DutyRoster(@NotNull @Size(max = 48) List<@NotNull @Valid Shift> shifts) {

    public record Shift(
            @NotNull @Schema(type = SchemaType.STRING,
                    example = "08:00") LocalTime from,
            @NotNull @Schema(type = SchemaType.STRING,
                    example = "20:00") LocalTime to,
            @NotBlank @Size(max = 128) String name,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[0-9+() -]{3,32}", message = "digits, spaces, +, -, ( and ) only")
            String phone,
            @Size(max = 64) String role) {
    }
}
