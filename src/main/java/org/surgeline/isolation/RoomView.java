package org.surgeline.isolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

public record RoomView(long id, String site, String roomNumber, int beds, RoomState state, int occupants,
        int freeBeds, int progress, LocalDate expectedReadyOn, Set<RoomState> allowedNext,
        Instant updatedAt, String updatedBy) {

    static RoomView of(IsolationRoom r) {
        return new RoomView(r.id, r.siteCode, r.roomNumber, r.beds, r.state, r.occupants, r.freeBeds(), r.progress,
                r.expectedReadyOn, r.state.next(), r.lastChange.at(), r.lastChange.by());
    }
}
