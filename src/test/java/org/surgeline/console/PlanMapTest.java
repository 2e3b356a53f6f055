package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.personnel.Skill;
import org.surgeline.planning.PlanResult;
import org.surgeline.region.County;

/** The plan map's routes: one per pair of counties, none within a county, width by load. */
class PlanMapTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void shipmentsAndTeamMovesBecomeOneRouteAPairOfCounties() {
        List<County> counties = List.of(county("A", 36.0, 111.0), county("B", 36.5, 111.5), county("C", 35.5, 112.0));
        Map<String, String> depots = Map.of("WH-A", "A", "WH-A2", "A", "WH-B", "B");
        PlanResult plan = new PlanResult(List.of(
                shipment("WH-A", "B", "MASK", 1_000), shipment("WH-A2", "B", "KIT", 3_000),
                shipment("WH-A", "C", "MASK", 250), shipment("WH-B", "B", "MASK", 99)),
                List.of(shift("T1", "C"), shift("T1", "C"), shift("T2", "B")),
                List.of(), List.of(), List.of(), List.of(), List.of());

        PlanMap map = PlanMap.of(plan, counties, depots, Map.of("T1", "A", "T2", "B"), c -> c.namePinyin,
                Locale.ENGLISH, (team, days) -> team + " " + days + "d");

        assertThat(map.shipments()).extracting(r -> r.from() + ">" + r.to()).containsExactly("A>B", "A>C");
        PlanMap.Route heavy = map.shipments().get(0);
        assertThat(heavy.quantity()).isEqualTo(4_000);
        assertThat(heavy.label()).isEqualTo("a → b: KIT 3,000, MASK 1,000");
        assertThat(heavy.stroke()).isGreaterThan(map.shipments().get(1).stroke());
        // T2 serves its own county: no line.
        assertThat(map.teamMoves()).extracting(PlanMap.Route::label).containsExactly("a → c: T1 2d");
        assertThat(map.counties()).hasSize(3).allSatisfy(dot -> {
            assertThat(dot.x()).isBetween(0.0, (double) map.width());
            assertThat(dot.y()).isBetween(0.0, (double) map.height());
        });
    }

    private static County county(String code, double latitude, double longitude) {
        County county = new County();
        county.code = code;
        county.namePinyin = code.toLowerCase(Locale.ROOT);
        county.latitude = latitude;
        county.longitude = longitude;
        return county;
    }

    private static PlanResult.PlannedShipment shipment(String depot, String county, String item, long quantity) {
        return new PlanResult.PlannedShipment(1, 1, 1, item, depot, county, quantity, 1);
    }

    private static PlanResult.PlannedShift shift(String team, String county) {
        return new PlanResult.PlannedShift(team, Skill.SAMPLING, county, DAY, 2, 2, 1);
    }
}
