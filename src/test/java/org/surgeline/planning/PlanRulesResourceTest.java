package org.surgeline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.planning.PlanFixtures.approvedRequest;
import static org.surgeline.planning.PlanFixtures.solved;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.surgeline.ServiceClock;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

/**
 * Plans that are right, on the demo city through the API: reserve floors, a county's own stock
 * and beds, capacity per day from the forecasts, horizon edges, a warm start that keeps the
 * published score, and explanations that account for every line.
 */
@QuarkusTest
class PlanRulesResourceTest {

    private static final LocalDate TODAY = ServiceClock.today();

    private static long plan(Map<String, Object> body) throws InterruptedException {
        long id = as(DemoUsers.SCHEDULER).body(body).post("/api/plans").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        JsonPath draft = solved(id);
        assertEquals("DRAFT", draft.getString("run.status"), draft.prettify());
        return id;
    }

    private static JsonPath read(long plan) {
        return as(DemoUsers.SCHEDULER).get("/api/plans/" + plan).jsonPath();
    }

    private static Map<String, String> depotCounties() {
        Map<String, String> counties = new HashMap<>();
        as(DemoUsers.ADMIN).queryParam("size", 500).get("/api/depots").jsonPath().<Map<String, Object>>getList("items")
                .forEach(d -> counties.put((String) d.get("code"), (String) d.get("county")));
        return counties;
    }

    private static Map<String, Object> balance(String depot, String item) {
        return as(DemoUsers.ADMIN).get("/api/depots/" + depot + "/stock").jsonPath()
                .getMap("find { it.item == '" + item + "' }");
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @Test
    void routineDemandNeverCrossesAFloorAndNoCountyIsSuppliedFromItsOwnDepot() throws Exception {
        // Every GLOVE-NITR floor at available stock, except Houma's: 600 above it.
        for (String depot : depotCounties().keySet()) {
            long available = number(balance(depot, "GLOVE-NITR").get("available"));
            long floor = depot.equals("WH-141081") ? available - 600 : available;
            as(DemoUsers.ADMIN).body(Map.of("reserveFloor", Math.max(0, floor)))
                    .put("/api/depots/" + depot + "/stock/GLOVE-NITR/reserve-floor").then().statusCode(200);
        }
        long routine = approvedRequest("141030", "ROUTINE", List.of(
                Map.of("kind", "SUPPLY", "item", "GLOVE-NITR", "quantity", 1_000)));
        long urgent = approvedRequest("141033", "URGENT", List.of(
                Map.of("kind", "SUPPLY", "item", "KIT-PCR", "quantity", 1_920)));
        long plan = plan(Map.of("timeLimitSeconds", 5));
        JsonPath draft = read(plan);
        assertThat(draft.getString("run.score")).startsWith("0hard");

        assertThat(draft.getList("shipments.findAll { it.requestId == " + routine + " }"))
                .as("a routine parcel of 1,000 does not take Houma 400 below its floor").isEmpty();
        Map<String, String> counties = depotCounties();
        assertThat(draft.<Map<String, Object>>getList("shipments")).as("no county is supplied from its own depot")
                .allSatisfy(s -> assertThat(counties.get((String) s.get("fromDepotCode"))).isNotEqualTo(s.get("toCountyCode")));
        assertThat(draft.<Map<String, Object>>getList("shipments.findAll { it.requestId == " + urgent + " }"))
                .isNotEmpty();

        List<Map<String, Object>> explained = as(DemoUsers.SCHEDULER).get("/api/plans/" + plan + "/explanation")
                .jsonPath().getList("findAll { it.requestId == " + routine + " }");
        assertThat(explained).hasSize(1);
        assertThat(explained.get(0)).containsEntry("asked", 1_000).containsEntry("met", 0).containsEntry("unmet", 1_000);
        assertThat(String.join(" ", (List<String>) explained.get(0).get("reasons")))
                .contains("routine demand does not draw below reserve floors", "county 141030's own depots hold");

        as(DemoUsers.SCHEDULER).post("/api/plans/" + plan + "/publish").then().statusCode(200);
        assertThat(as(DemoUsers.ADMIN).queryParam("request", routine).get("/api/shipments").jsonPath().getList("items"))
                .as("nothing shipped, so no RESERVE movement overrides a floor for it").isEmpty();
    }

    @Test
    void officersReadTheirOwnLinesInTheirOwnTerms() throws Exception {
        long request = approvedRequest("141024", "CRITICAL", List.of(
                Map.of("kind", "SUPPLY", "item", "SWAB", "quantity", 400_000)));
        long plan = plan(Map.of("timeLimitSeconds", 3));
        List<Map<String, Object>> full = as(DemoUsers.SCHEDULER).get("/api/plans/" + plan + "/explanation")
                .jsonPath().getList("findAll { it.requestId == " + request + " }");
        String schedulerText = String.join(" ", (List<String>) full.get(0).get("reasons"));
        assertThat(schedulerText).as("schedulers keep the full text").containsPattern("WH-1410(?!24)\\d\\d|LF-RESERVE");
        assertThat(full.get(0)).containsKey("countyReasons");

        JsonPath officer = as(officerOf("141024")).get("/api/plans/" + plan + "/explanation").jsonPath();
        List<Map<String, Object>> own = officer.getList("findAll { it.requestId == " + request + " }");
        assertThat(own).hasSize(1);
        String officerText = String.join(" ", (List<String>) own.get(0).get("reasons"));
        assertThat(officerText).contains("400,000 SWAB asked").doesNotContainPattern("WH-1410(?!24)\\d\\d|LF-RESERVE|WH-LFEDZ")
                .doesNotContain("min)");
        assertThat(own.get(0)).doesNotContainKey("countyReasons");
        assertThat(officer.<String>getList("countyCode")).containsOnly("141024");
    }

    @Test
    void stockThatExpiresBeforeItIsNeededIsNeitherPlannedNorDispatchedForIt() throws Exception {
        // Needed in five days: stock must last seven more (the margin). Jixian's lot L-SHORT-01 expires in ten.
        long request = approvedRequest("141029", "URGENT", List.of(
                Map.of("kind", "SUPPLY", "item", "KIT-PCR", "quantity", 960)));
        long shipment = as(DemoUsers.WAREHOUSE).body(Map.of("requestId", request, "lineNo", 1, "fromDepot", "WH-141028",
                "quantity", 960)).post("/api/shipments").then().statusCode(201).extract().jsonPath().getLong("id");
        List<String> lots = as(DemoUsers.WAREHOUSE).post("/api/shipments/" + shipment + "/dispatch").then()
                .statusCode(200).extract().jsonPath().getList("lots.lot");
        assertThat(lots).as("dispatch takes lots that last beyond the need-by date first").isNotEmpty()
                .doesNotContain("L-SHORT-01");
    }

    @Test
    void aPlanIsNeverDatedBeforeTodayNorFarAhead() {
        as(DemoUsers.SCHEDULER).body(Map.of("planDate", TODAY.minusDays(1).toString())).post("/api/plans").then()
                .statusCode(400).body("errors[0].field", equalTo("planDate"));
        as(DemoUsers.SCHEDULER).body(Map.of("planDate", TODAY.plusDays(40).toString())).post("/api/plans").then()
                .statusCode(400).body("errors[0].field", equalTo("planDate"));
        as(DemoUsers.SCHEDULER).body(Map.of("planDate", "+999999999-12-31")).post("/api/plans").then()
                .statusCode(400);
    }

    @Test
    void bedsAndSamplesFollowTheForecastAndACountysOwnBedsAreOfferedOnce() throws Exception {
        // A dormitory in Guxian converting 50 rooms of 4 beds, ready on day 3; Guxian one minute from Hongtong.
        String site = TestNames.unique("T-GUXIAN");
        as(officerOf("141025")).body(Map.of("code", site, "name", "Guxian school dormitory", "county", "141025",
                "kind", "DORMITORY")).post("/api/isolation/sites").then().statusCode(201);
        as(DemoUsers.ADMIN).body(Map.of("from", 1, "to", 50, "beds", 4)).post("/api/isolation/sites/" + site + "/rooms")
                .then().statusCode(201);
        LocalDate day3 = TODAY.plusDays(2);
        as(DemoUsers.ADMIN).body(Map.of("rooms", IntStream.rangeClosed(1, 50).mapToObj(String::valueOf).toList(),
                        "to", "CONVERTING", "expectedReadyOn", day3.toString()))
                .post("/api/isolation/sites/" + site + "/transitions").then().statusCode(200);
        as(DemoUsers.ADMIN).body(Map.of("minutes", 1)).put("/api/travel-times/141024/141025").then().statusCode(200);
        try {
            long hongtong = approvedRequest("141024", "CRITICAL", List.of(
                    Map.of("kind", "ISOLATION_BEDS", "quantity", 150, "fromDate", TODAY.toString(), "days", 5),
                    Map.of("kind", "LAB_THROUGHPUT", "quantity", 20_000, "fromDate", TODAY.toString(), "days", 2)));
            // Two bed lines of one county: its own free beds are shared between them, once.
            long quwo = approvedRequest("141021", "URGENT", List.of(
                    Map.of("kind", "ISOLATION_BEDS", "quantity", 35, "fromDate", TODAY.toString(), "days", 2),
                    Map.of("kind", "ISOLATION_BEDS", "quantity", 35, "fromDate", TODAY.toString(), "days", 2)));
            long plan = plan(Map.of("timeLimitSeconds", 5, "horizonDays", 7));
            JsonPath draft = read(plan);
            assertThat(draft.getString("run.score")).startsWith("0hard");

            List<Map<String, Object>> atSite = draft.getList("bedPlacements.findAll { it.siteCode == '" + site + "' }");
            assertThat(atSite).as("the converting site takes blocks once its rooms are ready").isNotEmpty()
                    .allSatisfy(p -> assertThat(LocalDate.parse((String) p.get("date"))).isAfterOrEqualTo(day3));
            assertThat(atSite).anySatisfy(p -> assertThat(p.get("date")).isEqualTo(day3.toString()));

            assertThat(draft.getList("sampleRoutes.findAll { it.labCode == 'LAB-141024-1' }"))
                    .as("an overloaded lab with a backlog has no spare samples").isEmpty();

            List<Map<String, Object>> lines = as(DemoUsers.SCHEDULER).get("/api/plans/" + plan + "/explanation")
                    .jsonPath().getList("findAll { it.requestId == " + quwo + " || it.requestId == " + hongtong + " }");
            assertThat(lines).as("every line is explained").hasSize(4).allSatisfy(l -> assertEquals(number(l.get("asked")),
                    number(l.get("earlier")) + number(l.get("ownCapacity")) + number(l.get("met"))
                            + number(l.get("unmet")) + number(l.get("beyondHorizon")), l.toString()));
            for (int d = 0; d < 2; d++) {
                String date = TODAY.plusDays(d).toString();
                long own = draft.<Map<String, Object>>getList("ownBeds.findAll { it.countyCode == '141021' && it.date == '"
                        + date + "' }").stream().mapToLong(o -> number(o.get("beds"))).sum();
                JsonPath capacity = as(DemoUsers.ADMIN).queryParam("county", "141021").queryParam("date", date)
                        .get("/api/isolation/capacity").jsonPath();
                long forecastFree = capacity.getLong("counties[0].capacity.freeBeds")
                        + capacity.getLong("counties[0].capacity.forecastReadyBeds")
                        - capacity.getLong("counties[0].capacity.readyBeds");
                assertThat(own).as("Quwo's own beds used on " + date).isLessThanOrEqualTo(forecastFree);
                long placed = draft.<Map<String, Object>>getList("bedPlacements.findAll { it.requestId == " + quwo
                        + " && it.date == '" + date + "' }").stream().mapToLong(o -> number(o.get("beds"))).sum();
                assertThat(own + placed).as("two lines of 35 on " + date).isLessThanOrEqualTo(70);
            }
        } finally {
            as(DemoUsers.ADMIN).delete("/api/travel-times/141024/141025").then().statusCode(200);
        }
    }

    @Test
    void anUnchangedStateReSolvesToItsPublishedScoreAndARunKeepsWhatLiesBeyondItsHorizon() throws Exception {
        // 4,500 GLOVE-NITR for Daning (parcels of 1,000 and one of 500) fit exactly above the floors of
        // Xixian (2,000, nearer) and Jixian (2,500): the remainder goes to Jixian with two whole parcels.
        // Handing depots back by position gives Jixian three whole parcels, 500 below its floor.
        for (String depot : depotCounties().keySet()) {
            long available = number(balance(depot, "GLOVE-NITR").get("available"));
            long above = depot.equals("WH-141031") ? 2_000 : depot.equals("WH-141028") ? 2_500 : 0;
            as(DemoUsers.ADMIN).body(Map.of("reserveFloor", Math.max(0, available - above)))
                    .put("/api/depots/" + depot + "/stock/GLOVE-NITR/reserve-floor").then().statusCode(200);
        }
        as(DemoUsers.ADMIN).body(Map.of("minutes", 5)).put("/api/travel-times/141031/141030").then().statusCode(200);
        as(DemoUsers.ADMIN).body(Map.of("minutes", 50)).put("/api/travel-times/141028/141030").then().statusCode(200);
        approvedRequest("141030", "CRITICAL", List.of(
                Map.of("kind", "SUPPLY", "item", "GLOVE-NITR", "quantity", 4_500),
                Map.of("kind", "TEAM", "skill", "MEDICAL", "quantity", 1, "fromDate", TODAY.toString(), "days", 6)));
        long published = plan(Map.of("timeLimitSeconds", 5, "horizonDays", 7));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + published + "/publish").then().statusCode(200);
        JsonPath first = read(published);
        HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(first.getString("run.score"));
        int changed = first.getInt("run.changedAssignments");

        long again = plan(Map.of("timeLimitSeconds", 2, "horizonDays", 7));
        HardMediumSoftLongScore baseline = HardMediumSoftLongScore.parseScore(read(again).getString("run.baselineScore"));
        assertEquals(score.hardScore(), baseline.hardScore());
        assertEquals(score.mediumScore(), baseline.mediumScore(), "the plan in force, kept, scores as published");
        assertEquals(score.softScore() + 10L * changed, baseline.softScore(), "less only the changes it made");
        assertThat(PlanSolver.improves(HardMediumSoftLongScore.parseScore(read(again).getString("run.score")), baseline))
                .as("a re-solve of an unchanged state is not better").isFalse();
        as(DemoUsers.ADMIN).delete("/api/travel-times/141031/141030").then().statusCode(200);
        as(DemoUsers.ADMIN).delete("/api/travel-times/141028/141030").then().statusCode(200);

        // A two-day run keeps the team days the plan in force booked after its horizon.
        long request = approvedRequest("141032", "CRITICAL", List.of(
                Map.of("kind", "TEAM", "skill", "SAMPLING", "quantity", 1, "fromDate", TODAY.toString(), "days", 5)));
        long week = plan(Map.of("timeLimitSeconds", 3, "horizonDays", 7));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + week + "/publish").then().statusCode(200);
        List<String> booked = read(week).getList("teamShifts.findAll { it.requestId == " + request + " }.date");
        assertThat(booked).hasSize(5);
        long twoDays = plan(Map.of("timeLimitSeconds", 2, "horizonDays", 2));
        List<Map<String, Object>> explained = as(DemoUsers.SCHEDULER).get("/api/plans/" + twoDays + "/explanation")
                .jsonPath().getList("findAll { it.requestId == " + request + " }");
        assertThat(explained.get(0)).containsEntry("beyondHorizon", 3).containsEntry("asked", 5);
        assertThat(String.join(" ", (List<String>) explained.get(0).get("reasons")))
                .contains("3 of 5 SAMPLING team-days fall after this plan's horizon", "3 of them stay");
        as(DemoUsers.SCHEDULER).post("/api/plans/" + twoDays + "/publish").then().statusCode(200);
        assertThat(read(twoDays).<String>getList("teamShifts.findAll { it.requestId == " + request + " }.date"))
                .as("the days after the horizon are still booked").containsAll(booked.subList(2, 5));
        as(DemoUsers.ADMIN).get("/api/allocation-requests/" + request).then()
                .body("lines[0].quantityPlanned", equalTo(1));
    }
}
