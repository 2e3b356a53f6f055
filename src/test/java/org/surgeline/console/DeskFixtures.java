package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;
import org.surgeline.TestNames;

/** Records the desk tests start from, made through the API, as any client would. */
final class DeskFixtures {

    private DeskFixtures() {
    }

    /** An item at a depot and a quantity that is available but would take the depot below its reserve floor. */
    record FloorCrossing(String depot, String item, long quantity) {
    }

    static FloorCrossing floorCrossing(String depot) {
        List<Map<String, Object>> balances = DemoUsers.as(DemoUsers.SCHEDULER).get("/api/depots/" + depot + "/stock")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> balance = balances.stream()
                .filter(b -> number(b, "reserveFloor") > 0 && number(b, "available") > number(b, "reserveFloor"))
                .findFirst().orElseThrow();
        return new FloorCrossing(depot, (String) balance.get("item"),
                number(balance, "available") - number(balance, "reserveFloor") + 1);
    }

    static long movements(String depot) {
        return DemoUsers.as(DemoUsers.SCHEDULER).queryParam("depot", depot).get("/api/stock/movements")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** A new site of {@code county} whose rooms 101-105 (one bed) and 201-205 (four beds) are CONVERTING. */
    static String convertingSite(String county) {
        String site = TestNames.unique("ISO-DESK");
        DemoUsers.as(DemoUsers.ADMIN).body(Map.of("code", site, "name", "Desk test hotel " + site, "county", county,
                "kind", "HOTEL")).post("/api/isolation/sites").then().statusCode(201);
        List<String> rooms = new ArrayList<>();
        for (int[] block : new int[][] {{101, 105, 1}, {201, 205, 4}}) {
            DemoUsers.as(DemoUsers.ADMIN).body(Map.of("from", block[0], "to", block[1], "beds", block[2]))
                    .post("/api/isolation/sites/" + site + "/rooms").then().statusCode(201);
            for (int n = block[0]; n <= block[1]; n++) {
                rooms.add(String.valueOf(n));
            }
        }
        DemoUsers.as(DemoUsers.ADMIN).body(Map.of("rooms", rooms, "to", "CONVERTING", "progress", 60,
                        "expectedReadyOn", ServiceClock.today().plusDays(2).toString()))
                .post("/api/isolation/sites/" + site + "/transitions").then().statusCode(200);
        return site;
    }

    /** The states of a site's rooms, by room number. */
    static Map<String, String> roomStates(String site) {
        List<Map<String, Object>> rooms = DemoUsers.as(DemoUsers.SCHEDULER).queryParam("size", 500)
                .get("/api/isolation/sites/" + site + "/rooms").then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(rooms).isNotEmpty();
        Map<String, String> states = new java.util.TreeMap<>();
        rooms.forEach(r -> states.put((String) r.get("roomNumber"), (String) r.get("state")));
        return states;
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }
}
