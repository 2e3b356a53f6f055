package org.surgeline.testing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Body of {@code PUT /api/labs/{code}/days/{date}}: what the lab received and tested that day. */
public record DayLoadReport(
        @NotNull @PositiveOrZero @Max(100_000_000) Long samplesReceived,
        @NotNull @PositiveOrZero @Max(100_000_000) Long samplesTested,
        @PositiveOrZero @Max(720) Double meanTurnaroundHours) {
}
