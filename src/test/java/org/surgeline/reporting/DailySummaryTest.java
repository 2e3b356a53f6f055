package org.surgeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static io.restassured.RestAssured.given;
import static org.surgeline.reporting.ReportingFixtures.as;
import static org.surgeline.reporting.ReportingFixtures.labDay;
import static org.surgeline.reporting.ReportingFixtures.move;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.isolation.IsolationFixtures;
import org.surgeline.personnel.TeamService;

/**
 * The city's summary: each county's row holds the figures of its underlying records (summed here
 * from the rooms and lab days the test made, not by the service), the city totals are the sums
 * of the rows, the change is against the day before, the CSV and the printable page carry the
 * same figures, and a closed day's summary does not change.
 */
@QuarkusTest
@TestProfile(ReportingDay.class)
class DailySummaryTest extends ReportingTestBase {

    static final LocalDate DAY = ReportingDay.DAY.plusDays(30);
    static final LocalDate BEFORE = DAY.minusDays(1);
    static final List<String> COUNTS = List.copyOf(ReportFigures.NONE.counts().keySet());

    @Inject
    TeamService teams;

    @Test
    void theSummaryAddsUpItsRecordsAsJsonCsvAndPage() throws IOException {
        at(BEFORE.atTime(10, 0));
        String county = ReportingFixtures.newCounty();
        String site = IsolationFixtures.newSite(county);
        List<Integer> rooms = IsolationFixtures.newRooms(site, 4, 2);
        String lab = ReportingFixtures.newLab(county, 100, 10);
        move(rooms.get(3), Map.of("to", "CONVERTING", "expectedReadyOn", DAY.toString()));
        move(rooms.get(3), Map.of("to", "READY"));
        labDay(lab, BEFORE, 100, 100);
        Map<String, Long> before = fromRecords(site, 1000, 100, 100, 0, 0);
        submit(county, BEFORE);

        at(DAY.atTime(10, 0));
        move(rooms.get(3), Map.of("to", "OCCUPIED", "occupants", 1));
        move(rooms.get(2), Map.of("to", "CONVERTING", "expectedReadyOn", DAY.plusDays(2).toString()));
        move(rooms.get(1), Map.of("to", "CONVERTING", "expectedReadyOn", DAY.plusDays(3).toString()));
        labDay(lab, DAY, 300, 200);
        as(DemoUsers.ADMIN).body(Map.of("county", county, "priority", "URGENT", "neededBy", DAY.plusDays(7).toString(),
                "justification", "surge", "lines", List.of(Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 500))))
                .post("/api/allocation-requests").then().statusCode(201);
        String team = as(DemoUsers.ADMIN).queryParam("county", "141002").get("/api/teams").jsonPath()
                .getString("items[0].code");
        teams.deploy(team, county, DAY, DAY.plusDays(2), "reporting test", null);
        Map<String, Long> today = fromRecords(site, 1000, 300, 200, 100, 1);
        today.put("teamsDeployedIn", 1L);
        submit(county, DAY);
        as(DemoUsers.ADMIN).body(Map.of("zeroReport", true)).put("/api/reports/daily/141002/" + DAY).then()
                .statusCode(201);

        JsonPath summary = as(DemoUsers.SCHEDULER).queryParam("date", DAY.toString()).get("/api/reports/daily").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> row = summary.getMap("counties.find { it.county == '" + county + "' }");
        assertThat(row.get("status")).isEqualTo("ON_TIME");
        assertThat(counts(row.get("figures"))).isEqualTo(today);
        Map<String, Long> change = new HashMap<>();
        today.forEach((k, v) -> change.put(k, v - before.get(k)));
        assertThat(counts(row.get("change"))).isEqualTo(change);
        assertThat(summary.getMap("counties.find { it.county == '141002' }").get("zeroReport")).isEqualTo(true);
        assertThat(summary.getLong("counties.find { it.county == '141002' }.figures.teamsDeployedOut"))
                .isEqualTo(deployedAway("141002", DAY)).isPositive();
        assertThat(summary.getString("counties.find { it.county == '141021' }.status")).isEqualTo("MISSING");

        List<Map<String, Object>> rows = summary.getList("counties");
        Map<String, Long> sums = new HashMap<>();
        rows.stream().filter(r -> r.get("figures") != null)
                .forEach(r -> counts(r.get("figures")).forEach((k, v) -> sums.merge(k, v, Long::sum)));
        assertThat(counts(summary.get("city"))).isEqualTo(sums);
        assertThat(summary.getInt("reported")).isEqualTo(2);
        assertThat(summary.getInt("missing")).isEqualTo(rows.size() - 2);
        Map<String, Long> cityChange = new HashMap<>();
        sums.forEach((k, v) -> cityChange.put(k, v - before.get(k)));
        assertThat(counts(summary.get("cityChange"))).isEqualTo(cityChange);

        String csv = as(DemoUsers.SCHEDULER).accept("text/csv").queryParam("date", DAY.toString())
                .get("/api/reports/daily").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(rows.size() + 1);
        CSVRecord countyRow = records.stream().filter(r -> r.get("county").equals(county)).findFirst().orElseThrow();
        CSVRecord cityRow = records.get(records.size() - 1);
        assertThat(cityRow.get("county")).isEqualTo("CITY");
        for (String column : COUNTS) {
            assertThat(Long.parseLong(countyRow.get(column))).as(column).isEqualTo(today.get(column));
            assertThat(Long.parseLong(cityRow.get(column))).as(column).isEqualTo(sums.get(column));
        }
        Map<String, Object> cover = summary.getMap("city.daysOfCover");
        assertThat(cover).isNotEmpty();
        cover.forEach((item, days) -> assertThat(Double.parseDouble(cityRow.get("cover:" + item)))
                .isEqualTo(((Number) days).doubleValue()));
        assertThat(countyRow.get("status")).isEqualTo("ON_TIME");

        String page = signedIn(DemoUsers.ADMIN).accept("text/html").get("/reports/daily/" + DAY).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("Daily summary, " + DAY).contains(county).contains("MISSING")
                .contains("<td>" + sums.get("bedsPhysical") + "</td>");
        signedIn(DemoUsers.SCHEDULER).accept("text/html").header("Accept-Language", "zh-CN")
                .get("/reports/daily/" + DAY).then().statusCode(200).body(containsString(DAY + " 日报汇总"))
                .body(containsString("未报"));
        signedIn(DemoUsers.officerOf("141002")).accept("text/html").get("/reports/daily/" + DAY).then().statusCode(403);
        given().redirects().follow(false).accept("text/html").get("/reports/daily/" + DAY).then().statusCode(302)
                .header("Location", containsString("/console/login"));
        as(DemoUsers.officerOf("141002")).queryParam("date", DAY.toString()).get("/api/reports/daily").then()
                .statusCode(403);
    }

    @Test
    void aClosedDaysSummaryNeverChanges() {
        LocalDate day = DAY.plusDays(5);
        at(day.atTime(9, 0));
        String county = ReportingFixtures.newCounty();
        String site = IsolationFixtures.newSite(county);
        List<Integer> rooms = IsolationFixtures.newRooms(site, 2, 3);
        submit(county, day);

        at(day.plusDays(1).atTime(8, 30));
        String closed = as(DemoUsers.ADMIN).queryParam("date", day.toString()).get("/api/reports/daily").then()
                .statusCode(200).extract().asString();
        move(rooms.get(0), Map.of("to", "CONVERTING", "expectedReadyOn", day.plusDays(3).toString()));
        String another = ReportingFixtures.newCounty();
        at(day.plusDays(3).atTime(8, 30));
        String later = as(DemoUsers.ADMIN).queryParam("date", day.toString()).get("/api/reports/daily").then()
                .statusCode(200).extract().asString();
        assertThat(later).isEqualTo(closed).doesNotContain(another).contains(county);
    }

    private static void submit(String county, LocalDate day) {
        as(DemoUsers.ADMIN).body(Map.of("narrative", "=SUM(A1) on " + day, "zeroReport", false))
                .put("/api/reports/daily/" + county + "/" + day).then().statusCode(201);
    }

    /**
     * The counts a report of the site's county must carry, summed here from its rooms as the API
     * lists them, and from the lab figures and open requests the test made.
     */
    private static Map<String, Long> fromRecords(String site, long labCapacity, long received, long tested,
            long backlog, long urgentRequests) {
        List<Map<String, Object>> rooms = as(DemoUsers.ADMIN).queryParam("size", 500)
                .get("/api/isolation/sites/" + site + "/rooms").then().statusCode(200).extract().jsonPath()
                .getList("items");
        long physical = 0, ready = 0, occupied = 0, converting = 0, roomsConverting = 0;
        for (Map<String, Object> room : rooms) {
            long beds = ((Number) room.get("beds")).longValue();
            String state = (String) room.get("state");
            physical += beds;
            if (state.equals("READY") || state.equals("OCCUPIED")) {
                ready += beds;
            }
            occupied += ((Number) room.get("occupants")).longValue();
            if (state.equals("CONVERTING")) {
                converting += beds;
                roomsConverting++;
            }
        }
        Map<String, Long> counts = new HashMap<>();
        counts.put("bedsPhysical", physical);
        counts.put("bedsReady", ready);
        counts.put("bedsFree", ready - occupied);
        counts.put("bedsOccupied", occupied);
        counts.put("bedsConverting", converting);
        counts.put("roomsConverting", roomsConverting);
        counts.put("labCapacity", labCapacity);
        counts.put("labReceived", received);
        counts.put("labTested", tested);
        counts.put("labBacklog", backlog);
        counts.put("teamsDeployedIn", 0L);
        counts.put("teamsDeployedOut", 0L);
        counts.put("openRequestsROUTINE", 0L);
        counts.put("openRequestsURGENT", urgentRequests);
        counts.put("openRequestsCRITICAL", 0L);
        return counts;
    }

    /** A browser's session for the pages, signed in through the console's sign-in form. */
    private static RequestSpecification signedIn(String user) {
        Map<String, String> cookies = given().redirects().follow(false).formParam("j_username", user)
                .formParam("j_password", user.startsWith("officer") ? "officer" : user).post("/j_security_check")
                .getCookies();
        return given().cookies(cookies).redirects().follow(false);
    }

    /** Teams of {@code county} working in another county on {@code day}, as the teams list shows them. */
    @SuppressWarnings("unchecked")
    private static long deployedAway(String county, LocalDate day) {
        List<Map<String, Object>> teams = as(DemoUsers.ADMIN).queryParam("county", county).queryParam("size", 500)
                .get("/api/teams").jsonPath().getList("items");
        return teams.stream().filter(t -> ((List<Map<String, Object>>) t.get("deployments")).stream()
                .anyMatch(d -> !county.equals(d.get("county")) && !day.isBefore(LocalDate.parse((String) d.get("from")))
                        && !day.isAfter(LocalDate.parse((String) d.get("to"))))).count();
    }

    /** The counts of a figures object of the JSON answer, named as the CSV columns. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> counts(Object figures) {
        Map<String, Object> f = (Map<String, Object>) figures;
        Map<String, Long> counts = new HashMap<>();
        for (String column : COUNTS) {
            Object value = column.startsWith("openRequests")
                    ? ((Map<String, Object>) f.get("openRequests")).get(column.substring("openRequests".length()))
                    : f.get(column);
            counts.put(column, ((Number) value).longValue());
        }
        return counts;
    }
}
