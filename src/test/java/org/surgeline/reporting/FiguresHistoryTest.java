package org.surgeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.surgeline.reporting.ReportingFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.isolation.IsolationFixtures;

/**
 * The board's history: a county's figures recorded once per day however often the record runs,
 * and today's live; the same beds as the isolation capacity report.
 */
@QuarkusTest
@TestProfile(ReportingDay.class)
class FiguresHistoryTest extends ReportingTestBase {

    static final LocalDate DAY = ReportingDay.DAY.plusDays(60);

    @Inject
    FiguresHistory history;

    @Test
    void aDayIsRecordedOncePerCountyAndTodayIsLive() {
        String county = ReportingFixtures.newCounty();
        String site = IsolationFixtures.newSite(county);
        List<Integer> rooms = IsolationFixtures.newRooms(site, 3, 2);
        String lab = ReportingFixtures.newLab(county, 50, 10);
        at(DAY.minusDays(1).atTime(23, 50));
        ReportingFixtures.labDay(lab, DAY.minusDays(1), 40, 10);
        as(DemoUsers.SCHEDULER).post("/api/reports/figures/snapshot").then().statusCode(200);
        ReportingFixtures.move(rooms.get(0), Map.of("to", "CONVERTING", "expectedReadyOn", DAY.toString()));
        history.record("test");

        at(DAY.atTime(10, 0));
        ReportingFixtures.move(rooms.get(0), Map.of("to", "READY"));
        JsonPath figures = as(DemoUsers.officerOf("141002")).get("/api/reports/figures?from=" + DAY.minusDays(1) + "&to="
                + DAY + "&county=141002").then().statusCode(200).extract().jsonPath();
        assertThat(figures.getList("day")).containsExactly(DAY.minusDays(1).toString(), DAY.toString());
        as(DemoUsers.officerOf("141002")).get("/api/reports/figures?county=" + county).then().statusCode(404);

        List<Map<String, Object>> rows = as(DemoUsers.WAREHOUSE).get("/api/reports/figures?from=" + DAY.minusDays(1)
                + "&to=" + DAY + "&county=" + county).then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(rows).hasSize(2);
        Map<String, Object> recorded = rows.get(0);
        Map<String, Object> live = rows.get(1);
        assertThat(recorded).containsEntry("live", false).containsEntry("bedsPhysical", 6).containsEntry("bedsConverting", 2)
                .containsEntry("bedsReady", 0).containsEntry("labCapacity", 500).containsEntry("labReceived", 40)
                .containsEntry("labBacklog", 30);
        assertThat(recorded.get("recordedAt")).isEqualTo(DAY.minusDays(1) + "T15:50:00Z");
        assertThat(live).containsEntry("live", true).containsEntry("bedsReady", 2).containsEntry("bedsConverting", 0)
                .containsEntry("labBacklog", 30);
        JsonPath capacity = as(DemoUsers.ADMIN).queryParam("county", county).get("/api/isolation/capacity").jsonPath();
        assertThat(live.get("bedsFree")).isEqualTo(capacity.getInt("counties[0].capacity.freeBeds"));

        List<CountyDayFigures> all = history.history(DAY.minusDays(1), DAY.minusDays(1));
        assertThat(all).filteredOn(f -> f.county().equals(county)).hasSize(1);
        assertThat(all).extracting(CountyDayFigures::county).doesNotHaveDuplicates();
        as(DemoUsers.ADMIN).get("/api/reports/figures?from=" + DAY + "&to=" + DAY.minusDays(1)).then().statusCode(400);
        as(DemoUsers.ADMIN).get("/api/reports/figures?from=2020-01-01&to=" + DAY).then().statusCode(400);
        as(DemoUsers.OFFICER_WITHOUT_COUNTY).post("/api/reports/figures/snapshot").then().statusCode(403);
        as(DemoUsers.officerOf("141002")).post("/api/reports/figures/snapshot").then().statusCode(403);
    }
}
