package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.planning.PlanFixtures.approvedRequest;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.ServiceClock;
import org.surgeline.planning.solver.SupplyParcel;
import org.surgeline.stock.CatalogService;

/**
 * The snapshot on its own, now that solving and publishing are separate: what an approved supply
 * line becomes before the solver sees it.
 */
@QuarkusTest
class PlanningSnapshotTest {

    @Inject
    PlanningSnapshot snapshot;
    @Inject
    CatalogService catalog;

    @Test
    void anApprovedSupplyLineBecomesParcelsOfItsOpenQuantityWithItsDemandAndDeadlines() {
        long asked = 1_234;
        long request = approvedRequest("141032", "URGENT", List.of(Map.of("kind", "SUPPLY", "item", "MASK-N95",
                "quantity", asked)));
        LocalDate today = ServiceClock.today();

        PlanningSnapshot.Problem problem = snapshot.build(today, 7, PlanKind.MANUAL);

        List<SupplyParcel> parcels = problem.plan().getParcels().stream()
                .filter(p -> p.getDemand().requestId() == request).toList();
        long parcelSize = catalog.item("MASK-N95").parcelSize;
        assertThat(parcels).as("parcels of the line").isNotEmpty();
        assertEquals(asked, parcels.stream().mapToLong(SupplyParcel::getUnits).sum(), "the open quantity, all of it");
        assertThat(parcels).allSatisfy(p -> {
            assertThat(p.getUnits()).isBetween(1L, parcelSize);
            assertEquals("MASK-N95", p.getItem());
            assertEquals("141032", p.getDemand().county());
            assertThat(p.getDemand().routine()).isFalse();
            assertThat(p.getSource()).as("left to the solver: the line is new to every plan").isNull();
            // Needed in 5 days: the stock must last 7 days past that, and arrive within the 6 days left.
            assertEquals(today.plusDays(5 + 7), p.getLastsUntil());
            assertEquals(6L * 24 * 60, p.getMinutesLeft());
        });
        assertThat(parcels.stream().filter(p -> p.getUnits() < parcelSize)).as("only the last parcel is smaller")
                .hasSizeLessThanOrEqualTo(1);
        PlanFacts.Line line = problem.facts().lines().stream().filter(l -> l.requestId() == request).findFirst()
                .orElseThrow();
        assertEquals(asked, line.asked());
        assertEquals(0, line.earlier(), "nothing of it planned before");
        assertThat(problem.plan().getDepots()).as("depots are facts the parcels may come from").isNotEmpty();
    }
}
