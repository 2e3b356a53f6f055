package org.surgeline.isolation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an isolation room: {@code PLANNED → CONVERTING → READY → OCCUPIED → CLEANING → READY},
 * and {@code OUT_OF_SERVICE} from any state, left to CONVERTING or READY. CONVERTING and OCCUPIED may
 * also "move" to themselves, to report conversion progress or a new occupant count.
 */
public enum RoomState {
    PLANNED, CONVERTING, READY, OCCUPIED, CLEANING, OUT_OF_SERVICE;

    public Set<RoomState> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(CONVERTING, OUT_OF_SERVICE);
            case CONVERTING -> EnumSet.of(CONVERTING, READY, OUT_OF_SERVICE);
            case READY -> EnumSet.of(OCCUPIED, OUT_OF_SERVICE);
            case OCCUPIED -> EnumSet.of(OCCUPIED, CLEANING, OUT_OF_SERVICE);
            case CLEANING -> EnumSet.of(READY, OUT_OF_SERVICE);
            case OUT_OF_SERVICE -> EnumSet.of(CONVERTING, READY);
        };
    }

    public boolean mayMoveTo(RoomState target) {
        return next().contains(target);
    }

    /** Converted, staffed and clean: counted in ready beds. */
    public boolean isReady() {
        return this == READY || this == OCCUPIED;
    }
}
