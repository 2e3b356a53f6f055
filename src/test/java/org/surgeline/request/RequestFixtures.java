package org.surgeline.request;

import org.surgeline.ServiceClock;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.surgeline.DemoUsers;

/** Requests and shipments built over the API. */
final class RequestFixtures {

    static final String IN_A_WEEK = ServiceClock.today().plusDays(7).toString();

    private RequestFixtures() {
    }

    static Map<String, Object> supplyLine(String item, long quantity) {
        return new HashMap<>(Map.of("kind", "SUPPLY", "item", item, "quantity", quantity));
    }

    static Map<String, Object> request(List<Map<String, Object>> lines) {
        return new HashMap<>(Map.of("priority", "URGENT", "neededBy", IN_A_WEEK, "justification", "surge",
                "lines", lines));
    }

    /** A request of {@code county}'s officer for {@code quantity} of {@code item}; returns its id. */
    static long submitted(String county, String item, long quantity) {
        return as(officerOf(county)).body(request(List.of(supplyLine(item, quantity))))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long approved(String county, String item, long quantity) {
        long id = submitted(county, item, quantity);
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then().statusCode(200);
        return id;
    }

    static long shipped(long requestId, String depot, long quantity) {
        return as(DemoUsers.WAREHOUSE).body(Map.of("requestId", requestId, "lineNo", 1, "fromDepot", depot,
                "quantity", quantity)).post("/api/shipments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long requestCount(String county) {
        return as(DemoUsers.ADMIN).queryParam("county", county).get("/api/allocation-requests").jsonPath().getLong("total");
    }
}
