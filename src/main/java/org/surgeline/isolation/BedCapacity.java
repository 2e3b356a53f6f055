package org.surgeline.isolation;

import org.surgeline.platform.Level;

/**
 * Beds counted three ways, never mixed: physical (every bed), ready (converted, staffed and clean:
 * READY and OCCUPIED rooms) and free (ready and unoccupied). {@code occupants + freeBeds = readyBeds}.
 * {@code convertingBeds} are beds in rooms under conversion ({@code convertingRooms} rooms);
 * {@code forecastReadyBeds} adds to the ready beds those whose conversion is expected by the report's date.
 */
public record BedCapacity(long rooms, long physicalBeds, long readyBeds, long freeBeds, long occupants,
        long convertingBeds, long forecastReadyBeds, long convertingRooms) {

    public static final BedCapacity NONE = new BedCapacity(0, 0, 0, 0, 0, 0, 0, 0);

    /** The capacity of {@code rooms} rooms of {@code beds} beds in {@code state}, holding {@code occupants}. */
    public static BedCapacity of(RoomState state, long rooms, long beds, long occupants, long convertingDueBeds) {
        long ready = state.isReady() ? beds : 0;
        return new BedCapacity(rooms, beds, ready, ready - occupants, occupants,
                state == RoomState.CONVERTING ? beds : 0, ready + convertingDueBeds,
                state == RoomState.CONVERTING ? rooms : 0);
    }

    /** Free beds as a share of ready beds; null when there are no ready beds. */
    public Double freeShare() {
        return readyBeds == 0 ? null : (double) freeBeds / readyBeds;
    }

    /** CRITICAL when under 10 % of the ready beds are free (or none are ready), LOW under 25 %. */
    public Level freeLevel() {
        Double share = freeShare();
        if (share == null || share < 0.10) {
            return Level.CRITICAL;
        }
        return share < 0.25 ? Level.LOW : Level.OK;
    }

    public BedCapacity plus(BedCapacity o) {
        return new BedCapacity(rooms + o.rooms, physicalBeds + o.physicalBeds, readyBeds + o.readyBeds,
                freeBeds + o.freeBeds, occupants + o.occupants, convertingBeds + o.convertingBeds,
                forecastReadyBeds + o.forecastReadyBeds, convertingRooms + o.convertingRooms);
    }
}
