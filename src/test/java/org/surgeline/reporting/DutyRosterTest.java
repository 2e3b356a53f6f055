package org.surgeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.surgeline.reporting.ReportingFixtures.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * The duty roster: overlapping shifts refused (among themselves and with the next day's), who is
 * on duty now across midnight, and a gap in the next 48 hours as an alert until it is filled.
 */
@QuarkusTest
@TestProfile(ReportingDay.class)
class DutyRosterTest extends ReportingTestBase {

    static final LocalDate DAY = ReportingDay.DAY.plusDays(50);

    static Map<String, Object> shift(String from, String to, String name) {
        return Map.of("from", from, "to", to, "name", name, "phone", "+86 357 555 0199", "role", "duty officer");
    }

    static io.restassured.response.Response put(String user, String county, LocalDate day, List<Map<String, Object>> shifts) {
        return as(user).body(Map.of("shifts", shifts)).put("/api/duty/" + county + "/" + day);
    }

    @Test
    void overlappingShiftsAreRefusedWhole() {
        String county = "141033";
        put(officerOf(county), county, DAY, List.of(shift("08:00", "20:00", "Li"), shift("19:00", "08:00", "Zhang")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("shifts[0]"));
        as(DemoUsers.ADMIN).get("/api/duty/" + county + "/" + DAY).then().statusCode(200).body("shifts.size()", equalTo(0));

        put(officerOf(county), county, DAY, List.of(shift("08:00", "20:00", "Li"), shift("20:00", "08:00", "Zhang")))
                .then().statusCode(200).body("shifts.name", equalTo(List.of("Li", "Zhang")));
        put(officerOf(county), county, DAY.plusDays(1), List.of(shift("07:00", "19:00", "Wu"))).then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Zhang"));
        put(officerOf(county), county, DAY.plusDays(1), List.of(shift("08:00", "08:00", "Wu"))).then().statusCode(200);
        put(officerOf("141034"), county, DAY, List.of(shift("08:00", "20:00", "Li"))).then().statusCode(403);
        put(DemoUsers.WAREHOUSE, county, DAY, List.of(shift("08:00", "20:00", "Li"))).then().statusCode(403);
        as(DemoUsers.ADMIN).body(Map.of("shifts", List.of(Map.of("from", "25:00", "to", "08:00", "name", "X",
                "phone", "1234")))).put("/api/duty/" + county + "/" + DAY).then().statusCode(400);
        as(DemoUsers.ADMIN).get("/api/duty/" + county + "/" + DAY).then().body("shifts.name", equalTo(List.of("Li", "Zhang")));
    }

    @Test
    void whoIsOnDutyNowAcrossMidnight() {
        String county = "141034";
        put(DemoUsers.SCHEDULER, county, DAY, List.of(shift("08:00", "20:00", "Li"), shift("20:00", "08:00", "Zhang")))
                .then().statusCode(200);
        at(DAY.atTime(12, 0));
        assertThat(onDuty(county)).containsExactly("Li");
        at(DAY.atTime(23, 30));
        assertThat(onDuty(county)).containsExactly("Zhang");
        at(DAY.plusDays(1).atTime(1, 0));
        assertThat(onDuty(county)).containsExactly("Zhang");
        at(DAY.plusDays(1).atTime(8, 0));
        assertThat(onDuty(county)).isEmpty();
    }

    @Test
    void aGapInTheNext48HoursIsAnAlertUntilFilled() {
        String county = "141028";
        at(DAY.atTime(9, 0));
        put(DemoUsers.ADMIN, county, DAY, List.of(shift("08:00", "20:00", "Li"), shift("20:00", "08:00", "Zhang")))
                .then().statusCode(200);
        put(DemoUsers.ADMIN, county, DAY.plusDays(1), List.of(shift("08:00", "20:00", "Wu"))).then().statusCode(200);
        List<Map<String, Object>> gaps = gaps(county);
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).get("from")).isEqualTo(DAY.plusDays(1) + "T12:00:00Z");
        assertThat(gaps.get(0).get("to")).isEqualTo(DAY.plusDays(2) + "T01:00:00Z");
        routine.refresh();
        assertThat(ReportingDay.gauge("surgeline_duty_gaps")).isGreaterThanOrEqualTo(1);

        put(DemoUsers.ADMIN, county, DAY.plusDays(1), List.of(shift("08:00", "20:00", "Wu"), shift("20:00", "09:00", "Ma")))
                .then().statusCode(200);
        assertThat(gaps(county)).isEmpty();
        as(officerOf(county)).get("/api/reports/alerts").then().statusCode(200)
                .body("findAll { it.kind == 'DUTY_GAP' }.size()", equalTo(0));
        at(DAY.plusDays(1).atTime(0, 0));
        assertThat(gaps(county)).hasSize(1);
    }

    private static List<String> onDuty(String county) {
        return as(DemoUsers.WAREHOUSE).get("/api/duty/now").then().statusCode(200).extract().jsonPath()
                .getList("find { it.county == '" + county + "' }.onDuty.name");
    }

    private static List<Map<String, Object>> gaps(String county) {
        return as(DemoUsers.SCHEDULER).queryParam("county", county).get("/api/reports/alerts").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.kind == 'DUTY_GAP' }");
    }
}
