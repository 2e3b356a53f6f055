package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** The board, the alerts and the county pages over HTTP: what each role sees and may open. */
@QuarkusTest
class ConsolePagesTest {

    @Test
    void anOfficerSeesTheWholeCityButLinksOnlyIntoTheirOwnCounty() {
        String board = ConsoleSession.signIn(DemoUsers.officerOf("141024")).page().get("/console")
                .then().statusCode(200).extract().asString();
        assertThat(board).contains("<tr id=\"county-141024\" class=\"own\">")
                .contains("href=\"/console/counties/141024\"").doesNotContain("href=\"/console/counties/141081\"")
                .contains("<tr id=\"county-141081\">")
                .contains("href=\"/console/alerts?county=141024\"").doesNotContain("href=\"/console/alerts?county=141081\"");
    }

    @Test
    void theRefreshFragmentIsTheBoardAlone() {
        ConsoleSession session = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        String fragment = session.page().header("HX-Request", "true").get("/console/board")
                .then().statusCode(200).extract().asString();
        // Outside htmx (a sign-in returning to it) the fragment's address gives the page.
        session.page().get("/console/board").then().statusCode(303);
        assertThat(fragment).startsWith("<div id=\"figures\"").contains("hx-trigger=\"every 30s\"")
                .doesNotContain("<html");
    }

    @Test
    void theChartsShowTheRecordedDaysUpToToday() {
        String charts = ConsoleSession.signIn(DemoUsers.SCHEDULER).page().get("/console/board/charts")
                .then().statusCode(200).extract().asString();
        // Today's figures are live, so there is always at least today; older days come from the daily record.
        assertThat(charts).contains("id=\"beds-chart\"").contains("id=\"backlog-chart\"")
                .containsPattern("data-days=\"[0-9,-]*" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"");
    }

    @Test
    void theCountyPageIsForItsOwnOfficerAndCityWideRoles() {
        ConsoleSession.signIn(DemoUsers.officerOf("141024")).page().get("/console/counties/141024")
                .then().statusCode(200).body(containsString("id=\"county-stock\""));
        ConsoleSession.signIn(DemoUsers.officerOf("141081")).page().get("/console/counties/141024")
                .then().statusCode(404).body(not(containsString("id=\"county-stock\"")));
        ConsoleSession.signIn(DemoUsers.WAREHOUSE).page().get("/console/counties/141024").then().statusCode(200);
    }

    @Test
    void alertsAreNarrowedToTheOfficersCounty() {
        ConsoleSession.signIn(DemoUsers.SCHEDULER).page().get("/console/alerts").then().statusCode(200)
                .body(containsString("<h1>Alerts"));
        ConsoleSession.signIn(DemoUsers.officerOf("141024")).page().get("/console/alerts?county=141081")
                .then().statusCode(404);
        ConsoleSession.signIn(DemoUsers.officerOf("141024")).page().get("/console/alerts")
                .then().statusCode(200).body(containsString("<h1>Alerts · 141024"));
    }
}
