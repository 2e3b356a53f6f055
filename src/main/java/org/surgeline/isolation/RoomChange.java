package org.surgeline.isolation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * A transition of one room: the target state, and what goes with it. {@code occupants} only with
 * OCCUPIED; {@code progress} and {@code expectedReadyOn} only with CONVERTING (entering CONVERTING
 * needs an expected ready date).
 */
public record RoomChange(
        @NotNull RoomState to,
        @Min(0) @Max(50) Integer occupants,
        @Min(0) @Max(100) Integer progress,
        LocalDate expectedReadyOn) {
}
