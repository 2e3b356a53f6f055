package org.surgeline.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.surgeline.platform.ProblemException;

/**
 * Random sequences of room operations, legal or not, through the room state machine: whatever
 * is accepted or refused, the capacity counts stay consistent.
 */
class RoomPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    record Operation(int room, RoomState to, Integer occupants, Integer progress, boolean withDate) {
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> operation = Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.of(RoomState.class),
                Arbitraries.integers().between(0, 5).injectNull(0.5),
                Arbitraries.integers().between(0, 100).injectNull(0.7),
                Arbitraries.of(true, false)).as(Operation::new);
        return operation.list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 300)
    void capacityCountsStayConsistent(@ForAll("operations") List<Operation> operations,
            @ForAll @Size(10) List<@IntRange(min = 1, max = 4) Integer> beds) {
        List<IsolationRoom> rooms = new ArrayList<>();
        for (int i = 0; i < beds.size(); i++) {
            rooms.add(IsolationRoom.planned("S", String.valueOf(100 + i), beds.get(i)));
        }
        for (Operation op : operations) {
            IsolationRoom room = rooms.get(op.room());
            RoomState before = room.state;
            int occupantsBefore = room.occupants;
            try {
                room.apply(new RoomChange(op.to(), op.occupants(), op.progress(),
                        op.withDate() ? TODAY.plusDays(3) : null), TODAY);
                assertThat(before.mayMoveTo(room.state)).as("accepted moves are legal").isTrue();
            } catch (ProblemException refused) {
                assertThat(room.state).as("a refused move changes nothing").isEqualTo(before);
                assertThat(room.occupants).isEqualTo(occupantsBefore);
            }
            assertInvariants(rooms);
        }
    }

    private static void assertInvariants(List<IsolationRoom> rooms) {
        BedCapacity total = rooms.stream().map(r -> BedCapacity.of(r.state, 1, r.beds, r.occupants, 0))
                .reduce(BedCapacity.NONE, BedCapacity::plus);
        assertThat(total.physicalBeds()).isEqualTo(rooms.stream().mapToLong(r -> r.beds).sum());
        assertThat(total.readyBeds()).isLessThanOrEqualTo(total.physicalBeds());
        assertThat(total.freeBeds()).isBetween(0L, total.readyBeds());
        assertThat(total.occupants() + total.freeBeds()).isEqualTo(total.readyBeds());
        assertThat(total.freeBeds()).isEqualTo(rooms.stream().mapToLong(IsolationRoom::freeBeds).sum());
        for (IsolationRoom r : rooms) {
            assertThat(r.occupants).isBetween(0, r.beds);
            if (r.state != RoomState.OCCUPIED) {
                assertThat(r.occupants).as("only an occupied room holds people").isZero();
            }
        }
    }
}
