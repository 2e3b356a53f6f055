package org.surgeline.isolation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.surgeline.platform.FieldErrors;
import org.surgeline.platform.LastChange;
import org.surgeline.platform.ProblemException;

/** One room of a site. Its state machine lives in {@link #apply}, so it can be tested without a database. */
@Entity
@Table(name = "isolation_room")
public class IsolationRoom extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "isolation_room_seq")
    @SequenceGenerator(name = "isolation_room_seq", sequenceName = "isolation_room_seq", allocationSize = 50)
    public Long id;
    @Column(name = "site_code")
    public String siteCode;
    @Column(name = "room_number")
    public String roomNumber;
    public int beds;
    @Enumerated(EnumType.STRING)
    public RoomState state;
    /** How many people stay in the room: a count, never who they are. */
    public int occupants;
    /** Conversion progress, 0-100. */
    public int progress;
    @Column(name = "expected_ready_on")
    public LocalDate expectedReadyOn;
    @Version
    public long version;
    @Embedded
    public LastChange lastChange = new LastChange();

    /** A new room, PLANNED, with nobody in it. */
    public static IsolationRoom planned(String siteCode, String roomNumber, int beds) {
        IsolationRoom room = new IsolationRoom();
        room.siteCode = siteCode;
        room.roomNumber = roomNumber;
        room.beds = beds;
        room.state = RoomState.PLANNED;
        return room;
    }

    /**
     * Applies a transition, or explains why not: 409 with the allowed next states for an illegal
     * move or an occupancy that does not fit; 400 for fields that do not belong to the move.
     */
    public void apply(RoomChange change, LocalDate today) {
        RoomState to = change.to();
        if (!state.mayMoveTo(to)) {
            throw ProblemException.conflict("illegal-transition",
                    "Room " + roomNumber + " is " + state + " and cannot move to " + to)
                    .with("room", roomNumber).with("state", state).with("allowed", state.next());
        }
        new FieldErrors()
                .check(change.occupants() == null || to == RoomState.OCCUPIED, "occupants",
                        "only a move to OCCUPIED sets occupants")
                .check(change.progress() == null || to == RoomState.CONVERTING, "progress",
                        "only a room CONVERTING reports progress")
                .check(change.expectedReadyOn() == null || to == RoomState.CONVERTING, "expectedReadyOn",
                        "only a room CONVERTING has an expected ready date")
                .check(change.expectedReadyOn() == null || !change.expectedReadyOn().isBefore(today),
                        "expectedReadyOn", "must be today or later")
                .check(to != RoomState.CONVERTING || state == RoomState.CONVERTING || change.expectedReadyOn() != null,
                        "expectedReadyOn", "a room starting conversion needs an expected ready date")
                .throwIfAny();
        int newOccupants = Optional.ofNullable(change.occupants()).orElse(to == RoomState.OCCUPIED ? occupants : 0);
        if (newOccupants > beds) {
            throw ProblemException.conflict("occupants-exceed-beds",
                    "Room " + roomNumber + " has " + beds + " beds; it cannot hold " + newOccupants)
                    .with("room", roomNumber).with("beds", beds);
        }
        if (state == RoomState.OCCUPIED && to != RoomState.OCCUPIED && occupants > 0) {
            throw ProblemException.conflict("room-not-empty", "Room " + roomNumber + " still holds " + occupants
                    + "; set occupants to 0 before it leaves OCCUPIED")
                    .with("room", roomNumber).with("state", state).with("allowed", List.of(RoomState.OCCUPIED));
        }
        switch (to) {
            case CONVERTING -> {
                progress = Optional.ofNullable(change.progress()).orElse(state == RoomState.CONVERTING ? progress : 0);
                expectedReadyOn = Optional.ofNullable(change.expectedReadyOn()).orElse(expectedReadyOn);
            }
            case READY, OCCUPIED, CLEANING -> {
                progress = 100;
                expectedReadyOn = null;
            }
            case PLANNED, OUT_OF_SERVICE -> expectedReadyOn = null;
        }
        occupants = newOccupants;
        state = to;
    }

    /** Beds nobody occupies in a ready room; 0 otherwise. */
    public int freeBeds() {
        return state.isReady() ? beds - occupants : 0;
    }
}
