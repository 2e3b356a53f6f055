package org.surgeline.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.surgeline.DemoUsers.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;

/**
 * The service's day is the city's (Asia/Shanghai), whatever the JVM's zone: with the clock stopped
 * at 17:30 UTC on 20 November, it is already 21 November in the city, so a lab reports 21 November
 * (not a future day) and cannot change 20 November's capacity (a past day).
 */
@QuarkusTest
@TestProfile(CityDayTest.LateEveningUtc.class)
class CityDayTest {

    public static class LateEveningUtc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("surgeline.clock.fixed", "2026-11-20T17:30:00Z");
        }
    }

    private static final LocalDate CITY_TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void todayIsTheCitysDay() {
        org.junit.jupiter.api.Assertions.assertEquals(CITY_TODAY, ServiceClock.today());
        String lab = "T-LAB-CITYDAY";
        as(DemoUsers.ADMIN).body(Map.of("code", lab, "name", "Test lab", "county", "141025", "tubesPerDay", 100,
                "poolingRatio", 10)).post("/api/labs").then().statusCode(201)
                .body("capacityEffectiveFrom", equalTo("2026-11-21"));
        as(DemoUsers.ADMIN).body(Map.of("samplesReceived", 10, "samplesTested", 5, "meanTurnaroundHours", 12))
                .put("/api/labs/" + lab + "/days/2026-11-21").then().statusCode(200);
        as(DemoUsers.ADMIN).body(Map.of("samplesReceived", 10, "samplesTested", 5, "meanTurnaroundHours", 12))
                .put("/api/labs/" + lab + "/days/2026-11-22").then().statusCode(400);
        as(DemoUsers.ADMIN).body(Map.of("tubesPerDay", 200, "poolingRatio", 10, "effectiveFrom", "2026-11-20"))
                .put("/api/labs/" + lab + "/capacity").then().statusCode(400);
    }
}
