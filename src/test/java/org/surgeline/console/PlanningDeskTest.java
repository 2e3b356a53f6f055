package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;
import org.surgeline.planning.PlanResult;
import org.surgeline.request.LineKind;
import org.surgeline.planning.PlanRows;
import org.surgeline.planning.PlanRun;
import org.surgeline.planning.PlanStatus;

/** The planning desk over HTTP: who may use it, the start form's refusals, and a refused publish in words. */
@QuarkusTest
class PlanningDeskTest {

    @Test
    void onlyPlanReadersOpenTheDeskAndOnlySchedulersAct() {
        ConsoleSession officer = ConsoleSession.signIn(DemoUsers.officerOf("141024"));
        officer.page().get("/console/plans").then().statusCode(403);
        officer.page().get("/console").then().statusCode(200).body(not(containsString("href=\"/console/plans\"")));

        ConsoleSession warehouse = ConsoleSession.signIn(DemoUsers.WAREHOUSE);
        warehouse.page().get("/console/plans").then().statusCode(200)
                .body(containsString("id=\"runs\""), not(containsString("id=\"start-plan\"")));
        long runs = runCount();
        warehouse.post().formParam("timeLimitSeconds", "5").post("/console/plans").then().statusCode(403);
        assertThat(runCount()).isEqualTo(runs);
    }

    @Test
    void aRefusedStartShowsBesideItsFieldAndQueuesNothing() {
        ConsoleSession scheduler = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        long runs = runCount();
        Response outside = scheduler.post().formParam("horizonDays", "0").formParam("timeLimitSeconds", "5")
                .post("/console/plans");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body().asString()).contains("aria-describedby=\"horizonDays-error\"")
                .contains("value=\"0\"");
        Response unreadable = scheduler.post().formParam("horizonDays", "7").formParam("timeLimitSeconds", "soon")
                .post("/console/plans");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body().asString()).contains("id=\"timeLimitSeconds-error\">cannot be read: &#39;soon&#39;");
        // Without the session's token the form is refused before it is read.
        scheduler.page().formParam("horizonDays", "7").post("/console/plans").then().statusCode(403);
        assertThat(runCount()).isEqualTo(runs);

        // The progress panel is for htmx; a browser opening its address is sent to the page.
        long draft = draft(null, null);
        scheduler.page().redirects().follow(false).get("/console/plans/" + draft + "/progress").then()
                .statusCode(303).header("Location", containsString("/console/plans/" + draft));
    }

    @Test
    void aStaleDraftIsRefusedInWordsWithAPlanAgainActionAndADiscardedDraftStaysReadable() {
        ConsoleSession scheduler = ConsoleSession.signIn(DemoUsers.SCHEDULER);
        // Solved from a plan that is not the one in force: publishing it would undo what was published since.
        long superseded = draft(null, null);
        long stale = draft(new PlanResult(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                superseded);
        Response refused = scheduler.post().post("/console/plans/" + stale + "/publish");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body().asString()).contains("id=\"refusal\"").contains("This draft no longer fits")
                .contains("id=\"plan-again\"").contains("id=\"status\">draft");
        assertThat(status(stale)).isEqualTo(PlanStatus.DRAFT);

        scheduler.post().redirects().follow(false).post("/console/plans/" + stale + "/discard").then().statusCode(303);
        assertThat(status(stale)).isEqualTo(PlanStatus.CANCELLED);
        scheduler.page().get("/console/plans/" + stale).then().statusCode(200)
                .body(containsString("id=\"status\">cancelled"), containsString("id=\"discarded\">" + DemoUsers.SCHEDULER + " · "),
                        not(containsString("id=\"publish\"")));
        scheduler.post().post("/console/plans/" + stale + "/discard").then().statusCode(409)
                .body(containsString("This plan is not a draft any more"));
    }

    @Test
    void theReviewListsUnmetLinesMostUrgentFirstWithTheirReasons() {
        long routine = request("ROUTINE");
        long critical = request("CRITICAL");
        PlanResult plan = new PlanResult(List.of(), List.of(), List.of(), List.of(), List.of(
                new PlanResult.Unmet(routine, 1, 1, "141024", LineKind.SUPPLY, "MASK-N95", 500),
                new PlanResult.Unmet(critical, 2, 1, "141024", LineKind.TEAM, "TEAM", 2)),
                List.of(new PlanResult.LineExplanation(critical, 1, "141024", LineKind.TEAM, "SAMPLING team-days", 2, 0,
                        0, 0, 2, 0, List.of("No SAMPLING team is free on those days."), List.of())),
                List.of());
        long draft = draft(plan, null);
        String page = ConsoleSession.signIn(DemoUsers.SCHEDULER).page().get("/console/plans/" + draft).then()
                .statusCode(200).extract().asString();
        String unmet = page.substring(page.indexOf("id=\"unmet\""));
        assertThat(unmet.indexOf("#" + critical + "/1")).as("critical first").isLessThan(unmet.indexOf("#" + routine + "/1"));
        assertThat(unmet).contains("No SAMPLING team is free on those days.").contains("supplies · MASK-N95")
                .contains(">routine<")
                .doesNotContain("· TEAM");
    }

    /** An approved request of this priority in Hongtong; its id. */
    private static long request(String priority) {
        long id = DemoUsers.as(DemoUsers.officerOf("141024")).body(java.util.Map.of("priority", priority, "neededBy",
                        ServiceClock.today().plusDays(3).toString(), "lines",
                        List.of(java.util.Map.of("kind", "SUPPLY", "item", "MASK-N95", "quantity", 10))))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        return id;
    }

    private static long runCount() {
        return QuarkusTransaction.requiringNew().call(() -> PlanRun.count());
    }

    private static PlanStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> PlanRun.<PlanRun>findById(id).status);
    }

    /** A draft as a solve stores it, solved from {@code basePlanId}; with no result, a failed run. */
    private static long draft(PlanResult result, Long basePlanId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanRun run = PlanRows.manual(result == null ? PlanStatus.FAILED : PlanStatus.DRAFT);
            run.score = result == null ? null : "0hard/-1200medium/-35soft";
            run.result = result;
            run.basePlanId = basePlanId;
            run.persist();
            return run.id;
        });
    }
}
