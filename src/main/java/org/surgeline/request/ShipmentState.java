package org.surgeline.request;

public enum ShipmentState {
    /** Stock reserved at the source depot. */
    PLANNED,
    /** Left the depot: the reservation became a transfer out. */
    DISPATCHED,
    /** Arrived: booked in at the county's warehouse. */
    DELIVERED,
    /** Called off before dispatch: the reservation released. */
    CANCELLED
}
