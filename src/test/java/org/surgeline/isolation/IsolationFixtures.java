package org.surgeline.isolation;

import static org.surgeline.DemoUsers.as;

import java.util.List;
import java.util.Map;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

/** Fresh sites and rooms over the API, so tests sharing one database never meet. */
public final class IsolationFixtures {

    private IsolationFixtures() {
    }

    public static String newSite(String county) {
        String code = TestNames.unique("T-SITE");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Test hotel " + code, "county", county, "kind", "HOTEL"))
                .post("/api/isolation/sites").then().statusCode(201);
        return code;
    }

    /** Rooms 101.. of {@code beds} beds each; returns their ids in room order. */
    public static List<Integer> newRooms(String site, int count, int beds) {
        return as(DemoUsers.ADMIN).body(Map.of("from", 101, "to", 100 + count, "beds", beds))
                .post("/api/isolation/sites/" + site + "/rooms").then().statusCode(201)
                .extract().jsonPath().getList("id");
    }

    static io.restassured.response.Response move(String user, int roomId, Map<String, Object> change) {
        return as(user).body(change).post("/api/isolation/rooms/" + roomId + "/transitions");
    }
}
