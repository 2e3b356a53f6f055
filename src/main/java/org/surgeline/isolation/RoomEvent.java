package org.surgeline.isolation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One accepted transition of a room, in order. Append-only. */
@Entity
@Immutable
@Table(name = "isolation_room_event")
public class RoomEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "isolation_room_event_seq")
    @SequenceGenerator(name = "isolation_room_event_seq", sequenceName = "isolation_room_event_seq", allocationSize = 50)
    public Long id;
    @Column(name = "room_id")
    public long roomId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public RoomState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public RoomState toState;
    public int occupants;
    public int progress;
    public String actor;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
