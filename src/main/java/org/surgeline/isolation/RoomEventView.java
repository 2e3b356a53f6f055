package org.surgeline.isolation;

import java.time.Instant;

/** One accepted transition of a room, as read through {@code GET /api/isolation/rooms/{id}/events}. */
public record RoomEventView(long id, RoomState fromState, RoomState toState, int occupants, int progress, String actor,
        Instant occurredAt) {

    static RoomEventView of(RoomEvent e) {
        return new RoomEventView(e.id, e.fromState, e.toState, e.occupants, e.progress, e.actor, e.occurredAt);
    }
}
