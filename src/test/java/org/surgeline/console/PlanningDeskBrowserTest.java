package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.surgeline.DemoUsers.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;
import org.surgeline.WholeTimeLimit;

/**
 * The scheduler's planning desk in a real Chromium: start a run on the demo city, watch its best
 * score while it solves, review the draft against the plan in force, publish it, and the officer
 * then sees the planned shipment on their request. Solves run their whole time limit here (the
 * test profile would end them a second after their last improvement, before anyone could watch).
 */
@QuarkusTest
@TestProfile(WholeTimeLimit.class)
class PlanningDeskBrowserTest {

    private static final String JIXIAN = "141028";

    @TestHTTPResource("/")
    URL base;

    @Test
    void theSchedulerWatchesReviewsAndPublishesAPlanAndTheOfficerSeesItsShipment() {
        // A plan in force to compare with, then new demand it does not serve.
        approvedRequest("141026", "MASK-SURG", 3_000);
        publishedPlan();
        long request = approvedRequest(JIXIAN, "KIT-PCR", 2_400);
        long plan;
        try (Browser scheduler = Browser.open(base.toString())) {
            scheduler.signIn(DemoUsers.SCHEDULER).go("/console/plans");
            scheduler.assertAccessible();
            scheduler.find("#timeLimitSeconds").clear();
            scheduler.find("#timeLimitSeconds").sendKeys("8");
            scheduler.clickThrough("#start");
            String url = scheduler.driver.getCurrentUrl();
            plan = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            assertThat(scheduler.find("#progress").isDisplayed()).isTrue();

            // The panel refreshes itself every two seconds while the run solves: a best score appears.
            WebDriverWait solving = new WebDriverWait(scheduler.driver, Duration.ofSeconds(40));
            solving.until(d -> {
                List<WebElement> best = d.findElements(By.cssSelector("#progress #best-score"));
                return !best.isEmpty() && best.get(0).getText().contains("rules")
                        && d.findElement(By.id("progress-status")).getText().equals("solving")
                        && d.findElement(By.id("status")).getText().equals("solving");
            });
            scheduler.screenshot("plan-solving");

            // Once solved the page reloads by itself into the draft's review.
            new WebDriverWait(scheduler.driver, Duration.ofSeconds(60))
                    .until(d -> !d.findElements(By.id("publish")).isEmpty());
            assertThat(scheduler.find("#status").getText()).isEqualTo("draft");
            scheduler.assertAccessible();
            scheduler.screenshot("plan-draft");
            // The diff against the plan in force, as the API gives it: the new line's shipments are added.
            JsonPath diff = as(DemoUsers.SCHEDULER).get("/api/plans/" + plan + "/diff").jsonPath();
            assertThat(diff.getInt("kinds.find { it.kind == 'SUPPLY' }.added")).isGreaterThanOrEqualTo(1);
            WebElement supply = scheduler.find("#diff-counts tr[data-kind='SUPPLY']");
            assertThat(supply.findElement(By.className("added")).getText())
                    .isEqualTo(diff.getString("kinds.find { it.kind == 'SUPPLY' }.added"));
            assertThat(supply.findElement(By.className("changed-count")).getText())
                    .isEqualTo(diff.getString("kinds.find { it.kind == 'SUPPLY' }.changed"));
            assertThat(scheduler.all("#diff-changes tbody tr")).hasSize(diff.getList("kinds.changes.flatten()").size());
            assertThat(scheduler.find("#diff-changes").getText()).contains("#" + request + "/1");
            assertThat(scheduler.all("#planned-shipments tr.changed a[href='/console/requests/" + request + "']"))
                    .as("the new line's shipments are marked as differing from the plan in force").isNotEmpty();
            assertThat(scheduler.all("#planned-shipments a[href='/console/requests/" + request + "']")).isNotEmpty();

            scheduler.driver.executeScript("document.getElementById('diff-title').scrollIntoView()");
            scheduler.screenshot("plan-draft-changes");

            scheduler.clickThrough("#publish");
            assertThat(scheduler.find("#status").getText()).isEqualTo("in force");
            assertThat(scheduler.all("#publish")).isEmpty();
            scheduler.screenshot("plan-published");

            // One line per route a shipment takes between two counties, and each says what it carries.
            Set<String> routes = shipmentRoutes(plan);
            List<WebElement> lines = scheduler.all("#plan-map line.shipment");
            assertThat(routes).isNotEmpty();
            assertThat(lines).hasSize(routes.size());
            Set<String> drawn = new HashSet<>();
            lines.forEach(line -> drawn.add(line.getAttribute("data-from") + ">" + line.getAttribute("data-to")));
            assertThat(drawn).isEqualTo(routes);
            WebElement first = lines.get(0);
            scheduler.driver.executeScript("arguments[0].focus()", first);
            assertThat(scheduler.find("#map-detail").getText()).isEqualTo(first.getAttribute("data-label"));
            scheduler.driver.executeScript("document.getElementById('plan-map').scrollIntoView()");
            scheduler.screenshot("plan-map");
        }

        try (Browser officer = Browser.open(base.toString())) {
            officer.signIn(DemoUsers.officerOf(JIXIAN)).go("/console/requests/" + request);
            List<WebElement> shipments = officer.all("#shipments tbody tr");
            assertThat(shipments).isNotEmpty();
            assertThat(shipments.get(0).getText()).contains("KIT-PCR").contains("PLANNED");
            officer.screenshot("request-officer-planned");
        }
    }

    /** A short run, solved and published through the API. */
    private static void publishedPlan() {
        long id = as(DemoUsers.SCHEDULER).body(Map.of("timeLimitSeconds", 3)).post("/api/plans").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DRAFT".equals(
                as(DemoUsers.SCHEDULER).get("/api/plans/" + id + "/status").jsonPath().getString("status")));
        as(DemoUsers.SCHEDULER).post("/api/plans/" + id + "/publish").then().statusCode(200);
    }

    private static long approvedRequest(String county, String item, long quantity) {
        long id = as(DemoUsers.officerOf(county)).body(Map.of("priority", "CRITICAL", "neededBy",
                        ServiceClock.today().plusDays(3).toString(), "lines",
                        List.of(Map.of("kind", "SUPPLY", "item", item, "quantity", quantity))))
                .post("/api/allocation-requests").then().statusCode(201).extract().jsonPath().getLong("id");
        as(DemoUsers.SCHEDULER).post("/api/allocation-requests/" + id + "/approve").then().statusCode(200);
        return id;
    }

    /** The plan's shipment routes as "from county>to county", read through the API. */
    private static Set<String> shipmentRoutes(long plan) {
        Map<String, String> depotCounty = new HashMap<>();
        as(DemoUsers.ADMIN).queryParam("size", 500).get("/api/depots").jsonPath().<Map<String, Object>>getList("items")
                .forEach(d -> depotCounty.put((String) d.get("code"), (String) d.get("county")));
        Set<String> routes = new HashSet<>();
        as(DemoUsers.SCHEDULER).get("/api/plans/" + plan).jsonPath().<Map<String, Object>>getList("shipments")
                .forEach(s -> {
                    String from = depotCounty.get((String) s.get("fromDepotCode"));
                    if (!from.equals(s.get("toCountyCode"))) {
                        routes.add(from + ">" + s.get("toCountyCode"));
                    }
                });
        return routes;
    }
}
