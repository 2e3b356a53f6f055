package org.surgeline.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.surgeline.DemoUsers.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** Suspending a lab takes effect from a date, like a capacity change: its past stays as it was. */
@QuarkusTest
class LabStatusHistoryTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aSuspensionDoesNotRewriteThePast() {
        String lab = "T-LABST-" + ProcessHandle.current().pid() % 10_000;
        as(DemoUsers.ADMIN).body(Map.of("code", lab, "name", "Test lab", "county", "141026", "tubesPerDay", 100,
                "poolingRatio", 10, "effectiveFrom", TODAY.minusDays(10).toString())).post("/api/labs").then()
                .statusCode(201);
        LocalDate past = TODAY.minusDays(2);
        as(DemoUsers.ADMIN).body(Map.of("samplesReceived", 900, "samplesTested", 800, "meanTurnaroundHours", 12))
                .put("/api/labs/" + lab + "/days/" + past).then().statusCode(200);

        as(DemoUsers.ADMIN).body(Map.of("status", "SUSPENDED", "effectiveFrom", TODAY.minusDays(1).toString()))
                .put("/api/labs/" + lab + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveFrom"));
        as(DemoUsers.ADMIN).body(Map.of("status", "SUSPENDED")).put("/api/labs/" + lab + "/status").then()
                .statusCode(200).body("status", equalTo("SUSPENDED")).body("figures.capacitySamples", equalTo(0));
        as(DemoUsers.ADMIN).queryParam("date", past.toString()).get("/api/labs/" + lab).then()
                .body("status", equalTo("ACTIVE"))
                .body("figures.capacitySamples", equalTo(1000))
                .body("figures.utilization", equalTo(0.8f));
        as(DemoUsers.ADMIN).queryParam("county", "141026").queryParam("date", past.toString())
                .get("/api/labs/capacity").then()
                .body("counties[0].labs.find { it.code == '" + lab + "' }.figures.capacitySamples", equalTo(1000));

        // Reactivated from a later day: suspended until then, active from then on.
        LocalDate later = TODAY.plusDays(3);
        as(DemoUsers.ADMIN).body(Map.of("status", "ACTIVE", "effectiveFrom", later.toString()))
                .put("/api/labs/" + lab + "/status").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        as(DemoUsers.ADMIN).queryParam("date", later.minusDays(1).toString()).get("/api/labs/" + lab).then()
                .body("figures.capacitySamples", equalTo(0));
        as(DemoUsers.ADMIN).queryParam("date", later.toString()).get("/api/labs/" + lab).then()
                .body("status", equalTo("ACTIVE")).body("figures.capacitySamples", equalTo(1000));
    }
}
