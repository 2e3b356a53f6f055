package org.surgeline.isolation;

import static org.hamcrest.Matchers.equalTo;
import static org.surgeline.DemoUsers.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** Bed capacity is known for today and forecast ahead; a past date has no figures to show. */
@QuarkusTest
class CapacityDateTest {

    @Test
    void aPastDateIsRefusedRatherThanAnsweredWithTodaysFigures() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        as(DemoUsers.ADMIN).queryParam("date", today.minusDays(3).toString()).get("/api/isolation/capacity").then()
                .statusCode(400).body("errors[0].field", equalTo("date"));
        as(DemoUsers.ADMIN).queryParam("date", today.toString()).get("/api/isolation/capacity").then()
                .statusCode(200).body("date", equalTo(today.toString()));
        as(DemoUsers.ADMIN).queryParam("date", today.plusDays(3).toString()).get("/api/isolation/capacity").then()
                .statusCode(200);
    }
}
