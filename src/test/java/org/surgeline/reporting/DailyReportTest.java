package org.surgeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.surgeline.reporting.ReportingFixtures.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/**
 * A county's day: submitted, amended before the cutoff with the earlier version kept, the same
 * body again changing nothing, zero reports, late first submissions, missing reports as alerts and
 * as a gauge after the cutoff, and read-only once the day is closed.
 */
@QuarkusTest
@TestProfile(ReportingDay.class)
class DailyReportTest extends ReportingTestBase {

    /** A day of its own, so that no other reporting test submits for it. */
    static final LocalDate DAY = ReportingDay.DAY.plusDays(20);

    private static io.restassured.response.Response submit(String user, String county, LocalDate day,
            Map<String, Object> body) {
        return as(user).body(body).put("/api/reports/daily/" + county + "/" + day);
    }

    @Test
    void submittedThenAmendedBeforeTheCutoffKeepsEveryVersion() {
        at(DAY.atTime(9, 0));
        String officer = officerOf("141026");
        submit(officer, "141026", DAY, Map.of("narrative", "Two new cases in Ruicheng.", "zeroReport", false)).then()
                .statusCode(201).body("version", equalTo(1)).body("late", equalTo(false))
                .body("narrative", equalTo("Two new cases in Ruicheng.")).body("figures.bedsPhysical",
                        org.hamcrest.Matchers.notNullValue());
        submit(officer, "141026", DAY, Map.of("narrative", "Two new cases in Ruicheng.", "zeroReport", false)).then()
                .statusCode(200).body("version", equalTo(1)).body("versions.size()", equalTo(1));

        at(DAY.atTime(15, 30));
        JsonPath amended = submit(officer, "141026", DAY, Map.of("narrative", "Three new cases.", "zeroReport", false))
                .then().statusCode(200).extract().jsonPath();
        assertThat(amended.getInt("version")).isEqualTo(2);
        assertThat(amended.getBoolean("late")).isFalse();
        assertThat(amended.getList("versions.narrative")).containsExactly("Two new cases in Ruicheng.", "Three new cases.");
        assertThat(amended.getList("versions.submittedBy")).containsExactly(officer, officer);
        assertThat(amended.getString("versions[0].submittedAt")).startsWith(DAY + "T01:00:00");
        assertThat(amended.getString("versions[1].submittedAt")).startsWith(DAY + "T07:30:00");

        as(DemoUsers.SCHEDULER).get("/api/reports/daily/141026/" + DAY).then().statusCode(200)
                .body("version", equalTo(2)).body("narrative", equalTo("Three new cases."));
    }

    @Test
    void aZeroReportSaysNothingIsNewAndAReportWithoutItNeedsANarrative() {
        at(DAY.atTime(10, 0));
        submit(officerOf("141027"), "141027", DAY, Map.of("zeroReport", false)).then().statusCode(400)
                .body("errors.field", hasItem("narrative"));
        submit(officerOf("141027"), "141027", DAY, Map.of("narrative", "x".repeat(4001), "zeroReport", false)).then()
                .statusCode(400);
        as(DemoUsers.ADMIN).get("/api/reports/daily/141027/" + DAY).then().statusCode(404);
        submit(officerOf("141027"), "141027", DAY, Map.of("zeroReport", true)).then().statusCode(201)
                .body("zeroReport", equalTo(true)).body("narrative", equalTo(null));
    }

    @Test
    void anOfficerReportsForTheirOwnCountyOnly() {
        at(DAY.atTime(10, 0));
        submit(officerOf("141030"), "141031", DAY, Map.of("zeroReport", true)).then().statusCode(404);
        submit(DemoUsers.SCHEDULER, "141031", DAY, Map.of("zeroReport", true)).then().statusCode(403);
        submit(DemoUsers.ADMIN, "141031", DAY, Map.of("zeroReport", true)).then().statusCode(201);
        as(officerOf("141030")).get("/api/reports/daily/141031/" + DAY).then().statusCode(404);
        as(officerOf("141031")).get("/api/reports/daily/141031/" + DAY).then().statusCode(200);
        submit(DemoUsers.ADMIN, "141031", DAY.plusDays(1), Map.of("zeroReport", true)).then().statusCode(400)
                .body("errors.field", hasItem("date"));
    }

    @Test
    void afterTheCutoffAFirstReportIsLateAndTheMissingOnesAreAlerts() {
        LocalDate day = DAY.plusDays(1);
        at(day.atTime(11, 0));
        submit(officerOf("141032"), "141032", day, Map.of("zeroReport", true)).then().statusCode(201)
                .body("late", equalTo(false));
        as(DemoUsers.ADMIN).queryParam("date", day.toString()).get("/api/reports/missing").then().statusCode(200)
                .body("pastCutoff", equalTo(false)).body("counties", hasItem("141033"));

        at(day.atTime(16, 30));
        submit(officerOf("141033"), "141033", day, Map.of("narrative", "Reported late.", "zeroReport", false)).then()
                .statusCode(201).body("late", equalTo(true));

        Set<String> expected = new HashSet<>(as(DemoUsers.ADMIN).get("/api/counties").jsonPath().getList("code"));
        expected.removeAll(List.of("141032", "141033"));
        JsonPath missing = as(DemoUsers.ADMIN).queryParam("date", day.toString()).get("/api/reports/missing").then()
                .statusCode(200).body("pastCutoff", equalTo(true)).extract().jsonPath();
        assertThat(missing.getList("counties", String.class)).containsExactlyInAnyOrderElementsOf(expected);

        List<Map<String, Object>> alerts = as(DemoUsers.SCHEDULER).get("/api/reports/alerts").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.kind == 'MISSING_REPORT' }");
        assertThat(alerts).extracting(a -> a.get("county")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(alerts).allSatisfy(a -> assertThat(a.get("date")).isEqualTo(day.toString()));
        as(officerOf("141034")).get("/api/reports/alerts").then().statusCode(200)
                .body("findAll { it.kind == 'MISSING_REPORT' }.county", equalTo(List.of("141034")));
        as(officerOf("141034")).queryParam("county", "141033").get("/api/reports/alerts").then().statusCode(404);

        routine.refresh();
        assertThat(ReportingDay.gauge("surgeline_reports_missing")).isEqualTo(expected.size());
    }

    @Test
    void aClosedDayIsReadOnly() {
        LocalDate day = DAY.plusDays(2);
        at(day.atTime(12, 0));
        submit(officerOf("141081"), "141081", day, Map.of("narrative", "Calm.", "zeroReport", false)).then()
                .statusCode(201);
        at(day.plusDays(1).atTime(7, 59));
        submit(officerOf("141081"), "141081", day, Map.of("narrative", "Calm, amended late.", "zeroReport", false))
                .then().statusCode(200).body("version", equalTo(2)).body("versions[1].late", equalTo(true));

        at(day.plusDays(1).atTime(8, 0));
        submit(officerOf("141081"), "141081", day, Map.of("narrative", "Too late.", "zeroReport", false)).then()
                .statusCode(409).contentType("application/problem+json").body("type", endsWith("/report-day-closed"));
        submit(officerOf("141082"), "141082", day, Map.of("zeroReport", true)).then().statusCode(409);
        as(DemoUsers.ADMIN).get("/api/reports/daily/141081/" + day).then().statusCode(200)
                .body("closed", equalTo(true)).body("narrative", equalTo("Calm, amended late."));
        as(DemoUsers.ADMIN).queryParam("date", day.toString()).get("/api/reports/missing").then()
                .body("closed", equalTo(true)).body("counties", not(hasItem("141081")))
                .body("counties", hasItem("141082"));
    }
}
