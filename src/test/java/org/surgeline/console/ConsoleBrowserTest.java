package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.surgeline.ServiceClock;
import org.surgeline.DemoUsers;

/**
 * The console's flows in a real Chromium: an officer's request from the form to approval, what
 * another county's officer cannot reach, the language switch, and the board's colours.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final String HONGTONG = "141024";
    private static final String HOUMA = "141081";

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOfficersRequestGoesFromTheFormToApproval() {
        long criticalBefore;
        long requestId;
        try (Browser officer = Browser.open(base.toString())) {
            officer.signIn(DemoUsers.officerOf(HONGTONG));
            criticalBefore = openCritical(officer, HONGTONG);
            officer.screenshot("board-officer");
            officer.assertAccessible();

            officer.go("/console/requests");
            long before = countRequests();
            fillRequest(officer, "CRITICAL", "-5");
            officer.clickThrough("#new-request button[type=submit]");
            assertThat(officer.find("#quantity-0-error").getText()).contains("must be greater than 0");
            assertThat(officer.find("#quantity-0").getAttribute("aria-invalid")).isEqualTo("true");
            officer.screenshot("requests-officer-refused");
            assertThat(countRequests()).as("a refused form creates nothing").isEqualTo(before);

            officer.go("/console/requests");
            officer.assertAccessible();
            fillRequest(officer, "CRITICAL", "40");
            officer.screenshot("requests-officer-form");
            officer.clickThrough("#new-request button[type=submit]");
            assertThat(officer.find("#status").getText()).isEqualTo("submitted");
            String url = officer.driver.getCurrentUrl();
            requestId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            assertThat(officer.all("#approve")).as("an officer gets no approve button").isEmpty();
            officer.screenshot("request-officer-submitted");

            officer.go("/console/requests");
            assertThat(officer.find("#requests tr[data-request='" + requestId + "'] .status").getText())
                    .isEqualTo("submitted");
            assertThat(openCritical(officer, HONGTONG)).isEqualTo(criticalBefore + 1);
        }

        try (Browser scheduler = Browser.open(base.toString())) {
            scheduler.signIn(DemoUsers.SCHEDULER).go("/console/requests");
            scheduler.screenshot("requests-scheduler-inbox");
            scheduler.assertAccessible();
            // Most urgent first, then oldest: every request ahead of ours is CRITICAL and older.
            List<WebElement> rows = scheduler.all("#inbox tbody tr");
            int at = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).findElement(By.cssSelector("th a")).getText().equals(String.valueOf(requestId))) {
                    at = i;
                }
            }
            assertThat(at).as("the request is in the inbox").isGreaterThanOrEqualTo(0);
            for (WebElement ahead : rows.subList(0, at)) {
                long id = Long.parseLong(ahead.findElement(By.cssSelector("th a")).getText());
                assertThat(ahead.findElement(By.className("prio-CRITICAL")).getText()).isEqualTo("critical");
                assertThat(id).isLessThan(requestId);
            }
            scheduler.clickThrough(rows.get(at).findElement(By.cssSelector("th a")));
            scheduler.screenshot("request-scheduler-decide");
            scheduler.find("#approve-note").sendKeys("Swabs from the city reserve");
            scheduler.clickThrough("#approve");
            assertThat(scheduler.find("#status").getText()).isEqualTo("approved");
        }

        try (Browser officer = Browser.open(base.toString())) {
            officer.signIn(DemoUsers.officerOf(HONGTONG)).go("/console/requests/" + requestId);
            assertThat(officer.find("#status").getText()).isEqualTo("approved");
            officer.screenshot("request-officer-approved");
            // An approved request is still open: the board counts it until it is fulfilled, rejected or cancelled.
            assertThat(openCritical(officer, HONGTONG)).isEqualTo(criticalBefore + 1);
        }

        try (Browser neighbour = Browser.open(base.toString())) {
            neighbour.signIn(DemoUsers.officerOf(HOUMA)).go("/console/requests/" + requestId);
            assertThat(neighbour.find("h1").getText()).isEqualTo("Not found");
            assertThat(neighbour.all("#approve")).isEmpty();
            neighbour.screenshot("request-other-county-not-found");
            // A forged approval from this officer's own signed-in page, with a valid token: the role check refuses it.
            neighbour.go("/console/requests");
            neighbour.throughTo(() -> neighbour.driver.executeScript("const f = document.createElement('form'); f.method = 'post';"
                    + "f.action = '/console/requests/" + requestId + "/approve';"
                    + "const t = document.createElement('input'); t.type = 'hidden'; t.name = '_csrf';"
                    + "t.value = document.querySelector('meta[name=csrf-token]').content; f.appendChild(t);"
                    + "document.body.appendChild(f); f.submit();"));
            assertThat(neighbour.find("h1").getText()).isEqualTo("Not allowed");
            neighbour.screenshot("forged-approval-refused");
        }
        DemoUsers.as(DemoUsers.SCHEDULER).get("/api/allocation-requests/" + requestId).then()
                .body("status", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    @Test
    void theLanguageSwitchShowsChineseLabelsAndCountyNamesAndBack() {
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(DemoUsers.SCHEDULER);
            assertThat(browser.find("h1").getText()).isEqualTo("City situation board");
            // htmx came from the service's own WebJar and refreshes the figures in place.
            assertThat(browser.driver.executeScript("return typeof htmx")).isEqualTo("object");
            browser.driver.executeScript("document.getElementById('figures').dataset.marker = 'before'");
            assertThat(browser.find("#figures").getAttribute("hx-trigger")).isEqualTo("every 30s");
            browser.driver.executeScript("htmx.ajax('GET', '/console/board', {target: '#figures', swap: 'outerHTML'})");
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("figures")).getAttribute("data-marker") == null);
            assertThat(browser.driver.getCurrentUrl()).endsWith("/console");
            assertThat(browser.find("#county-" + HONGTONG + " th a").getText()).isEqualTo("Hongtong");
            browser.clickThrough("header a.lang");
            assertThat(browser.find("h1").getText()).isEqualTo("全市态势看板");
            assertThat(browser.find("#county-" + HONGTONG + " th a").getText()).isEqualTo("洪洞县");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
            browser.screenshot("board-zh");
            browser.go("/console/requests");
            assertThat(browser.find("h1").getText()).isEqualTo("调拨申请");
            browser.screenshot("requests-zh");
            browser.clickThrough("header a.lang");
            assertThat(browser.find("h1").getText()).isEqualTo("Allocation requests");
            browser.go("/console");
            assertThat(browser.find("h1").getText()).isEqualTo("City situation board");
        }
    }

    @Test
    void aDepotItemBelowItsFloorIsRedOnTheBoard() {
        Map<String, Object> below = DemoUsers.as(DemoUsers.SCHEDULER).queryParam("county", HONGTONG)
                .get("/api/stock/alerts").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("findAll { it.kind == 'BELOW_FLOOR' }").get(0);
        String item = (String) below.get("item");
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(DemoUsers.SCHEDULER);
            WebElement cell = browser.find(".heat td[data-county='" + HONGTONG + "'][data-item='" + item + "']");
            assertThat(cell.getAttribute("class")).isEqualTo("level-CRITICAL");
            assertThat(cell.getCssValue("background-color")).isEqualTo("rgba(251, 224, 221, 1)");
            browser.screenshot("board-scheduler");
            browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
            browser.screenshot("board-heat");
            // The charts load after the figures and are drawn by Chart.js from the service's WebJar.
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("#backlog-chart[data-drawn]")).isEmpty());
            assertThat(browser.driver.executeScript("return Chart.getChart('beds-chart').data.datasets.length"))
                    .isEqualTo(2L);
            browser.driver.executeScript("document.getElementById('charts').scrollIntoView()");
            browser.screenshot("board-charts");
            browser.go("/console/alerts");
            assertThat(browser.find("#stock-alerts").getText()).contains(item);
            browser.assertAccessible();
            browser.screenshot("alerts-scheduler");
            browser.go("/console/counties/" + HONGTONG);
            browser.screenshot("county-scheduler");
        }
    }

    /** The board's count of open CRITICAL requests for a county. */
    private static long openCritical(Browser browser, String county) {
        browser.go("/console");
        // Columns: county (th), risk, 6 isolation, 6 testing, then critical / urgent / routine, alerts.
        List<WebElement> cells = browser.all("#county-" + county + " td");
        return Long.parseLong(cells.get(13).getText().replace(",", ""));
    }

    private static long countRequests() {
        return DemoUsers.as(DemoUsers.SCHEDULER).queryParam("county", HONGTONG).get("/api/allocation-requests")
                .then().extract().jsonPath().getLong("total");
    }

    private static void fillRequest(Browser browser, String priority, String supplyQuantity) {
        new Select(browser.find("#priority")).selectByValue(priority);
        browser.find("#justification").sendKeys("Sampling teams and swabs for the Dahuaishu outbreak");
        new Select(browser.find("#kind-0")).selectByValue("SUPPLY");
        new Select(browser.find("#item-0")).selectByValue("SWAB");
        browser.find("#quantity-0").sendKeys(supplyQuantity);
        new Select(browser.find("#kind-1")).selectByValue("TEAM");
        new Select(browser.find("#skill-1")).selectByValue("SAMPLING");
        browser.find("#quantity-1").sendKeys("1");
        // A date field's typing order follows the browser's locale; its value is ISO whatever the locale.
        browser.driver.executeScript("arguments[0].value = arguments[1]", browser.find("#fromDate-1"),
                ServiceClock.today().plusDays(1).toString());
        browser.find("#days-1").sendKeys("3");
    }
}
