package org.surgeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.surgeline.reporting.ReportingFixtures.as;
import static org.surgeline.DemoUsers.officerOf;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.TestNames;

/**
 * The problem list: the life cycle and its refusals (409 naming the allowed next statuses, a
 * resolution without a note), overdue computed at the clock's time, every change kept, and an
 * officer kept to their own county's problems (another county's reads as not found).
 */
@QuarkusTest
@TestProfile(ReportingDay.class)
class ProblemListTest extends ReportingTestBase {

    static final LocalDate DAY = ReportingDay.DAY;

    static Map<String, Object> problem(String county, String deadline) {
        Map<String, Object> p = new HashMap<>();
        p.put("county", county);
        p.put("category", "SUPPLY");
        p.put("description", "Masks short at the Houma depot " + TestNames.unique("P"));
        p.put("owner", Map.of("name", "Wang Li", "phone", "+86 357 555 0101"));
        p.put("measure", "Transfer 5,000 from the city reserve");
        p.put("deadline", deadline);
        return p;
    }

    static long create(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/problems").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aProblemMovesThroughItsLifeCycleAndKeepsEveryChange() {
        long id = create(officerOf("141022"), problem("141022", DAY.plusDays(3).toString()));
        String path = "/api/problems/" + id;
        as(officerOf("141022")).get(path).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("overdue", equalTo(false)).body("allowedNext", containsInAnyOrder("IN_PROGRESS", "WITHDRAWN"))
                .body("deadline", equalTo(DAY.plusDays(3) + "T16:00:00Z"));

        as(officerOf("141022")).body(Map.of("to", "RESOLVED", "note", "done")).post(path + "/transitions").then()
                .statusCode(409).contentType("application/problem+json").body("type", endsWith("/illegal-transition"))
                .body("status", equalTo(409)).body("current", equalTo("OPEN"))
                .body("allowed", containsInAnyOrder("IN_PROGRESS", "WITHDRAWN"));
        as(officerOf("141022")).body(Map.of("to", "IN_PROGRESS")).post(path + "/transitions").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        as(DemoUsers.SCHEDULER).body(Map.of("to", "RESOLVED")).post(path + "/transitions").then().statusCode(400)
                .body("errors.field", hasItem("note"));
        as(DemoUsers.SCHEDULER).body(Map.of("to", "RESOLVED", "note", "   ")).post(path + "/transitions").then()
                .statusCode(400);
        as(officerOf("141022")).get(path).then().body("status", equalTo("IN_PROGRESS"));
        JsonPath resolved = as(DemoUsers.SCHEDULER).body(Map.of("to", "RESOLVED", "note", "5,000 arrived"))
                .post(path + "/transitions").then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("resolutionNote")).isEqualTo("5,000 arrived");
        assertThat(resolved.getList("allowedNext")).isEmpty();
        assertThat(resolved.getList("history.to")).containsExactly("OPEN", "IN_PROGRESS", "RESOLVED");
        assertThat(resolved.getList("history.actor")).containsExactly(officerOf("141022"), officerOf("141022"),
                DemoUsers.SCHEDULER);
        assertThat(resolved.getList("history.note")).containsExactly(null, null, "5,000 arrived");
        as(DemoUsers.ADMIN).body(Map.of("to", "WITHDRAWN")).post(path + "/transitions").then().statusCode(409)
                .body("allowed", empty());
        as(DemoUsers.ADMIN).body(Map.of("to", "CLOSED")).post(path + "/transitions").then().statusCode(400);
    }

    @Test
    void overdueIsComputedAtTheClocksTime() {
        String county = "141023";
        long pastDate = create(DemoUsers.ADMIN, problem(county, DAY.minusDays(1).toString()));
        long endOfToday = create(DemoUsers.ADMIN, problem(county, DAY.toString()));
        long inAnHour = create(DemoUsers.ADMIN, problem(county, DAY + "T13:00:00+08:00"));
        long withdrawn = create(DemoUsers.ADMIN, problem(county, DAY.minusDays(2).toString()));
        as(DemoUsers.ADMIN).body(Map.of("to", "WITHDRAWN")).post("/api/problems/" + withdrawn + "/transitions").then()
                .statusCode(200).body("overdue", equalTo(false));

        assertThat(overdueIds(county)).containsExactly(pastDate);
        as(DemoUsers.ADMIN).get("/api/problems/" + pastDate).then().body("overdue", equalTo(true));
        as(DemoUsers.ADMIN).get("/api/problems/" + inAnHour).then().body("overdue", equalTo(false));

        at(DAY.atTime(13, 30));
        assertThat(overdueIds(county)).containsExactly(pastDate, inAnHour);
        at(DAY.plusDays(1).atTime(0, 1));
        assertThat(overdueIds(county)).containsExactly(pastDate, inAnHour, endOfToday);
        assertThat(as(DemoUsers.ADMIN).queryParam("county", county).queryParam("overdue", "false")
                .get("/api/problems").jsonPath().getList("items.id", Long.class)).contains(withdrawn)
                .doesNotContain(pastDate, inAnHour, endOfToday);

        List<Map<String, Object>> alerts = as(DemoUsers.ADMIN).queryParam("county", county).get("/api/reports/alerts")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'OVERDUE_PROBLEM' }");
        assertThat(alerts).extracting(a -> ((Number) a.get("problemId")).longValue())
                .containsExactly(pastDate, inAnHour, endOfToday);
        routine.refresh();
        long overdueCityWide = as(DemoUsers.ADMIN).queryParam("overdue", "true").get("/api/problems").jsonPath()
                .getLong("total");
        assertThat(overdueCityWide).isGreaterThanOrEqualTo(3);
        assertThat(ReportingDay.gauge("surgeline_problems_overdue")).isEqualTo(overdueCityWide);
        as(DemoUsers.ADMIN).queryParam("overdue", "yes").get("/api/problems").then().statusCode(400);
    }

    @Test
    void anOfficerSeesAndMovesTheirOwnCountysProblemsOnly() {
        long id = create(officerOf("141024"), problem("141024", DAY.plusDays(1).toString()));
        String other = officerOf("141025");
        as(other).get("/api/problems/" + id).then().statusCode(404).body("type", endsWith("/not-found"));
        as(other).body(Map.of("to", "WITHDRAWN")).post("/api/problems/" + id + "/transitions").then().statusCode(404);
        as(DemoUsers.ADMIN).get("/api/problems/" + id).then().body("status", equalTo("OPEN"));
        as(other).queryParam("county", "141024").get("/api/problems").then().statusCode(404);
        as(other).get("/api/problems").then().statusCode(200).body("items.id", not(hasItem((int) id)))
                .body("items.county", everyItem(equalTo("141025")));
        as(other).body(problem("141024", DAY.toString())).post("/api/problems").then().statusCode(403);
        as(DemoUsers.WAREHOUSE).get("/api/problems").then().statusCode(403);
        as(officerOf("141024")).queryParam("county", "141024").get("/api/problems").then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void aProblemIsValidatedWholeAndLinksMustExist() {
        Map<String, Object> bad = problem("141029", "next Tuesday");
        bad.put("owner", Map.of("name", "", "phone", "call me"));
        bad.put("category", "SUPPLY");
        as(DemoUsers.ADMIN).body(bad).post("/api/problems").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> badDeadline = problem("141029", "next Tuesday");
        as(DemoUsers.ADMIN).body(badDeadline).post("/api/problems").then().statusCode(400)
                .body("errors.field", hasItem("deadline"));
        Map<String, Object> badLinks = problem("141029", DAY.toString());
        badLinks.put("depot", "NO-SUCH-DEPOT");
        badLinks.put("lab", "NO-SUCH-LAB");
        badLinks.put("requestId", 999999999);
        as(DemoUsers.ADMIN).body(badLinks).post("/api/problems").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("depot", "lab", "requestId"));
        Map<String, Object> linked = problem("141029", DAY.toString());
        linked.put("depot", "WH-141029");
        as(DemoUsers.ADMIN).body(linked).post("/api/problems").then().statusCode(201).body("depot", equalTo("WH-141029"));

        Map<String, Object> once = problem("141029", DAY.toString());
        String key = TestNames.unique("idem");
        long first = as(DemoUsers.ADMIN).header("Idempotency-Key", key).body(once).post("/api/problems").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.ADMIN).header("Idempotency-Key", key).body(once).post("/api/problems").then().statusCode(201)
                .body("id", equalTo((int) first));
    }

    private static List<Long> overdueIds(String county) {
        return as(DemoUsers.ADMIN).queryParam("county", county).queryParam("overdue", "true").get("/api/problems")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }
}
