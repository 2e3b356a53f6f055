package org.surgeline.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.surgeline.DemoUsers.as;
import static org.surgeline.DemoUsers.officerOf;
import static org.surgeline.reporting.ReportingDay.DAY;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;

/** The console's board marks a county whose daily report is missing once the cutoff has passed. */
@QuarkusTest
@TestProfile(ReportingDay.class)
class BoardMissingReportTest extends ReportingTestBase {

    private static final String MARK = "<span class=\"badge\">no daily report</span>";

    @Test
    void aCountyWithoutItsReportIsMarkedAfterTheCutoffOnly() {
        String county = "141033";
        at(DAY.atTime(15, 0));
        assertThat(row(board(), county)).doesNotContain(MARK);
        at(DAY.atTime(17, 0));
        assertThat(row(board(), county)).contains(MARK);
        as(officerOf(county)).body("{\"narrative\": null, \"zeroReport\": true}")
                .put("/api/reports/daily/" + county + "/" + DAY).then().statusCode(201);
        assertThat(row(board(), county)).doesNotContain(MARK);
    }

    private static String board() {
        Map<String, String> session = given().redirects().follow(false).formParam("j_username", DemoUsers.SCHEDULER)
                .formParam("j_password", DemoUsers.SCHEDULER).post("/j_security_check").getCookies();
        return given().cookies(session).get("/console").then().statusCode(200).extract().asString();
    }

    private static String row(String board, String county) {
        int start = board.indexOf("<tr id=\"county-" + county + "\"");
        return board.substring(start, board.indexOf("</tr>", start));
    }
}
