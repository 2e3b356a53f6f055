package org.surgeline.reporting;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.surgeline.MovableClock;

/**
 * The reporting tests' clock: stopped at noon in the city on {@link #DAY}, and moved by each test
 * to the city time it needs ({@link #at}); every reporting test class shares this profile, so they
 * share one application start.
 */
public class ReportingDay implements QuarkusTestProfile {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 10, 14);
    static final Instant FIXED = DAY.atTime(12, 0).atZone(CITY).toInstant();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("surgeline.clock.fixed", FIXED.toString());
    }

    /** Moves the service's clock to {@code cityTime} (in the city's zone). */
    static void at(MovableClock clock, LocalDateTime cityTime) {
        clock.moveAhead(Duration.between(FIXED, cityTime.atZone(CITY).toInstant()));
    }

    /** The value of a gauge at /q/metrics. */
    static double gauge(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " not at /q/metrics"));
    }
}
