package org.surgeline.isolation;

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

    public BedCapacity plus(BedCapacity o) {
        return new BedCapacity(rooms + o.rooms, physicalBeds + o.physicalBeds, readyBeds + o.readyBeds,
                freeBeds + o.freeBeds, occupants + o.occupants, convertingBeds + o.convertingBeds,
                forecastReadyBeds + o.forecastReadyBeds, convertingRooms + o.convertingRooms);
    }
}
