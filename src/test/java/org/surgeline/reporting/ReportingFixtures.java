package org.surgeline.reporting;

import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

/** A county of a test's own and a lab, built over the API (sites and rooms: {@code IsolationFixtures}). */
final class ReportingFixtures {

    private ReportingFixtures() {
    }

    /** A JSON request signed in as {@code user}, checked against the API's contract ({@link Contract}). */
    static RequestSpecification as(String user) {
        return DemoUsers.as(user).filter(Contract.CHECK);
    }

    static String newCounty() {
        String code = TestNames.uniqueCode("R");
        as(DemoUsers.ADMIN).body(new HashMap<>(Map.of("code", code, "nameZh", "报告县", "namePinyin", "Baogao",
                "population", 200_000, "latitude", 36.0, "longitude", 111.6))).post("/api/counties").then()
                .statusCode(201);
        return code;
    }

    static void move(int room, Map<String, Object> change) {
        as(DemoUsers.ADMIN).body(change).post("/api/isolation/rooms/" + room + "/transitions").then().statusCode(200);
    }

    static String newLab(String county, int tubesPerDay, int poolingRatio) {
        String code = TestNames.unique("R-LAB");
        as(DemoUsers.ADMIN).body(Map.of("code", code, "name", "Report lab", "county", county, "tubesPerDay", tubesPerDay,
                "poolingRatio", poolingRatio)).post("/api/labs").then().statusCode(201);
        return code;
    }

    static void labDay(String lab, LocalDate day, long received, long tested) {
        as(DemoUsers.ADMIN).body(Map.of("samplesReceived", received, "samplesTested", tested))
                .put("/api/labs/" + lab + "/days/" + day).then().statusCode(200);
    }
}
