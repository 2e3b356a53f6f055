package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.surgeline.request.Shipment;

/**
 * A day's beds and samples are cut so that a little capacity left somewhere can still be used;
 * a warm start hands each parcel back the depot the plan in force shipped it from.
 */
class DemandCutTest {

    private static Shipment shipment(String depot, long quantity) {
        Shipment s = new Shipment();
        s.fromDepot = depot;
        s.quantity = quantity;
        return s;
    }

    @Test
    void parcelsGetBackTheirDepotByDepotAndQuantity() {
        // 4,500 in parcels of 1,000 and one of 500; the plan in force shipped 2,500 from A and 2,000 from B.
        List<Long> sizes = List.of(1_000L, 1_000L, 1_000L, 1_000L, 500L);
        String[] depots = PlanningSnapshot.Previous.depotsByQuantity(sizes,
                List.of(shipment("A", 2_500), shipment("B", 2_000)));
        assertThat(depots).containsExactly("A", "A", "B", "B", "A");
        // By position A would get three whole parcels (3,000) and B the remainder (1,500).
        assertThat(PlanningSnapshot.Previous.depotsByQuantity(sizes, List.of(shipment("B", 2_000), shipment("A", 2_500))))
                .containsExactly("B", "B", "A", "A", "A");
    }

    @Test
    void fullBlocksThenTheLastHalvedDown() {
        assertThat(PlanningSnapshot.cut(23, 10, 1)).containsExactly(10L, 7L, 3L, 2L, 1L);
        assertThat(PlanningSnapshot.cut(10, 10, 1)).containsExactly(5L, 3L, 1L, 1L);
        assertThat(PlanningSnapshot.cut(1, 10, 1)).containsExactly(1L);
        assertThat(PlanningSnapshot.cut(0, 10, 1)).isEmpty();
        assertThat(PlanningSnapshot.cut(12_000, 5_000, 100))
                .containsExactly(5_000L, 3_500L, 1_750L, 875L, 438L, 219L, 109L, 55L, 54L)
                .as("a lab with 700 spare can take part of the last batches").contains(438L, 219L);
    }
}
