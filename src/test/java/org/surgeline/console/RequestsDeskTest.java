package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.surgeline.ServiceClock;
import org.surgeline.DemoUsers;

/** The requests desk over HTTP: the same rules as the API, shown on the page. */
@QuarkusTest
class RequestsDeskTest {

    private static final String HONGTONG = "141024";

    @Test
    void anOfficerSubmitsARequestAndFollowsIt() {
        ConsoleSession officer = ConsoleSession.signIn(DemoUsers.officerOf(HONGTONG));
        Response submitted = request(officer.post(), "CRITICAL", "5").post("/console/requests");
        assertThat(submitted.statusCode()).isEqualTo(303);
        String page = submitted.header("Location");
        assertThat(page).matches(".*/console/requests/\\d+");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

        DemoUsers.as(DemoUsers.SCHEDULER).get("/api/allocation-requests/" + id).then().statusCode(200)
                .body("county", org.hamcrest.Matchers.equalTo(HONGTONG)).body("priority", org.hamcrest.Matchers.equalTo("CRITICAL"))
                .body("lines.kind", org.hamcrest.Matchers.contains("SUPPLY", "TEAM"));
        officer.page().get("/console/requests/" + id).then().statusCode(200)
                .body(containsString("id=\"status\">submitted"), containsString("MASK-N95"),
                        not(containsString("id=\"approve\"")));
    }

    @Test
    void aBadQuantityIsShownBesideItsFieldAndNothingIsCreated() {
        ConsoleSession officer = ConsoleSession.signIn(DemoUsers.officerOf(HONGTONG));
        long before = DemoUsers.as(DemoUsers.SCHEDULER).queryParam("county", HONGTONG)
                .get("/api/allocation-requests").then().extract().jsonPath().getLong("total");
        Response refused = request(officer.post(), "URGENT", "-3").post("/console/requests");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("aria-invalid=\"true\" aria-describedby=\"quantity-0-error\"")
                .contains("value=\"-3\"");
        Response unreadable = request(officer.post(), "URGENT", "ten").post("/console/requests");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body().asString()).contains("cannot be read: &#39;ten&#39;");
        long after = DemoUsers.as(DemoUsers.SCHEDULER).queryParam("county", HONGTONG)
                .get("/api/allocation-requests").then().extract().jsonPath().getLong("total");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anotherCountysOfficerSeesNotFoundAndCannotApprove() {
        ConsoleSession officer = ConsoleSession.signIn(DemoUsers.officerOf(HONGTONG));
        String page = request(officer.post(), "ROUTINE", "2").post("/console/requests").header("Location");
        String id = page.substring(page.lastIndexOf('/') + 1);

        ConsoleSession neighbour = ConsoleSession.signIn(DemoUsers.officerOf("141081"));
        neighbour.page().get("/console/requests/" + id).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Not found"));
        neighbour.post().post("/console/requests/" + id + "/approve").then().statusCode(403);
        // An officer may cancel requests, but only their own county's: another county's is not found.
        neighbour.post().post("/console/requests/" + id + "/cancel").then().statusCode(404);
        DemoUsers.as(DemoUsers.SCHEDULER).get("/api/allocation-requests/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
    }

    @Test
    void theSchedulerDecidesFromTheInboxAndARejectionNeedsAReason() {
        ConsoleSession officer = ConsoleSession.signIn(DemoUsers.officerOf(HONGTONG));
        String page = request(officer.post(), "CRITICAL", "4").post("/console/requests").header("Location");
        String id = page.substring(page.lastIndexOf('/') + 1);

        ConsoleSession scheduler = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        scheduler.page().get("/console/requests").then().statusCode(200)
                .body(containsString("<a href=\"/console/requests/" + id + "\">"));
        scheduler.post().formParam("reason", " ").post("/console/requests/" + id + "/reject")
                .then().statusCode(400).body(containsString("role=\"alert\""));
        scheduler.post().formParam("note", "for the surge").post("/console/requests/" + id + "/approve")
                .then().statusCode(303);
        officer.page().get("/console/requests/" + id).then().body(containsString("id=\"status\">approved"));
    }

    @Test
    void nobodyApprovesTheirOwnRequestAndThePageSaysWhy() {
        ConsoleSession scheduler = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        String page = request(scheduler.post().formParam("county", HONGTONG), "URGENT", "1")
                .post("/console/requests").header("Location");
        String id = page.substring(page.lastIndexOf('/') + 1);
        scheduler.post().post("/console/requests/" + id + "/approve").then().statusCode(403)
                .body(containsString("Nobody approves their own request"));
    }

    private static RequestSpecification request(RequestSpecification form, String priority, String supplyQuantity) {
        return form.formParam("priority", priority).formParam("neededBy", ServiceClock.today().plusDays(3).toString())
                .formParam("justification", "surge in the north")
                .formParam("kind", "SUPPLY", "TEAM", "").formParam("item", "MASK-N95", "", "")
                .formParam("skill", "", "SAMPLING", "").formParam("quantity", supplyQuantity, "1", "")
                .formParam("fromDate", "", ServiceClock.today().plusDays(1).toString(), "")
                .formParam("days", "", "3", "");
    }
}
