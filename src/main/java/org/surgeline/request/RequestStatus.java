package org.surgeline.request;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code SUBMITTED → APPROVED | REJECTED}, {@code APPROVED → PLANNED → DISPATCHED → FULFILLED |
 * PARTIALLY_FULFILLED}, and {@code CANCELLED} from SUBMITTED, APPROVED or PLANNED. A PLANNED request
 * with nothing to ship (team, bed and lab lines) is closed straight to FULFILLED or
 * PARTIALLY_FULFILLED.
 */
public enum RequestStatus {
    SUBMITTED, APPROVED, REJECTED, PLANNED, DISPATCHED, FULFILLED, PARTIALLY_FULFILLED, CANCELLED;

    /** The statuses a request is still open in: those it can move on from. */
    public static List<RequestStatus> open() {
        return Arrays.stream(values()).filter(s -> !s.next().isEmpty()).toList();
    }

    public Set<RequestStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, CANCELLED);
            case APPROVED -> EnumSet.of(PLANNED, CANCELLED);
            case PLANNED -> EnumSet.of(DISPATCHED, CANCELLED, FULFILLED, PARTIALLY_FULFILLED);
            case DISPATCHED -> EnumSet.of(FULFILLED, PARTIALLY_FULFILLED);
            case REJECTED, FULFILLED, PARTIALLY_FULFILLED, CANCELLED -> EnumSet.noneOf(RequestStatus.class);
        };
    }
}
