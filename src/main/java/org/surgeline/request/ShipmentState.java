package org.surgeline.request;

public enum ShipmentState {
    /** Stock reserved at the source depot. */
    PLANNED,
    /** Left the depot: the reservation became a transfer out. */
    DISPATCHED,
    /** Arrived: booked in at the county's warehouse. */
    DELIVERED,
    /** Called off before dispatch: the reservation released. */
    CANCELLED,
    /** Dispatched and brought back: booked in again at its source depot. */
    RETURNED,
    /** Dispatched and lost or damaged on the way: booked back at its source and adjusted out, with a reason. */
    WRITTEN_OFF
}
