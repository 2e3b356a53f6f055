package org.surgeline.isolation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/isolation/sites/{code}/transitions}: one move for many rooms, all or nothing. */
public record BulkRoomChange(
        @NotEmpty @Size(max = NewRooms.MAX_ROOMS) List<@NotNull String> rooms,
        @NotNull RoomState to,
        @Min(0) @Max(50) Integer occupants,
        @Min(0) @Max(100) Integer progress,
        LocalDate expectedReadyOn) {

    RoomChange change() {
        return new RoomChange(to, occupants, progress, expectedReadyOn);
    }
}
