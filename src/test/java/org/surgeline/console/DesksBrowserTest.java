package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.surgeline.DemoUsers;
import org.surgeline.ServiceClock;

/**
 * The stock, isolation and lab desks in a real Chromium: a transfer below a reserve floor, a bulk
 * move of rooms that the board's ready beds follow, and a lab's daily figures.
 */
@QuarkusTest
class DesksBrowserTest {

    private static final String HOUMA = "141081";
    private static final String PUXIAN = "141033";
    private static final String FENXI = "141034";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aTransferBelowTheFloorIsRecordedOnlyWithAnOverrideReasonAndTheLedgerShowsIt() {
        DeskFixtures.FloorCrossing crossing = DeskFixtures.floorCrossing("WH-" + PUXIAN);
        long before = DeskFixtures.movements(crossing.depot());
        try (Browser warehouse = Browser.open(base.toString())) {
            warehouse.signIn(DemoUsers.WAREHOUSE).go("/console/stock?depot=" + crossing.depot());
            warehouse.assertAccessible();
            warehouse.screenshot("stock-warehouse");
            fillTransfer(warehouse, crossing);
            warehouse.clickThrough("#record");
            // Warehouse staff may not take stock below a floor (the API's rule): told so, and who may.
            assertThat(warehouse.find("#movement-refusal").getText()).contains("below the reserve floor");
            assertThat(warehouse.find("#floor-question").getText()).contains("Only an administrator may override")
                    .doesNotContain("scheduler");
            assertThat(warehouse.all("#floorOverride")).isEmpty();
            assertThat(new Select(warehouse.find("#type")).getFirstSelectedOption().getText()).isEqualTo("transfer");
            warehouse.screenshot("stock-warehouse-floor-refused");
        }
        assertThat(DeskFixtures.movements(crossing.depot())).as("a refused movement records nothing").isEqualTo(before);

        try (Browser admin = Browser.open(base.toString())) {
            admin.signIn(DemoUsers.ADMIN).go("/console/stock?depot=" + crossing.depot());
            fillTransfer(admin, crossing);
            admin.clickThrough("#record");
            assertThat(admin.find("#floor-question").getText()).contains("give the reason below");
            assertThat(admin.find("#quantity").getAttribute("value")).isEqualTo(String.valueOf(crossing.quantity()));
            admin.assertAccessible();
            admin.screenshot("stock-floor-asks-reason");
            admin.find("#floorOverride").sendKeys("Outbreak in Fenxi: swabs needed tonight");
            admin.clickThrough("#record");
            assertThat(admin.find("#recorded").getText()).contains("Movement recorded");
            List<WebElement> lines = admin.all("#ledger-lines tr.recorded");
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.getText())
                    .contains("transfer out", crossing.depot(), crossing.item(), "Outbreak in Fenxi"));
            admin.driver.executeScript("document.getElementById('ledger').scrollIntoView()");
            admin.screenshot("stock-ledger-recorded");
        }
        assertThat(DeskFixtures.movements(crossing.depot())).isGreaterThan(before);
    }

    @Test
    void tenConvertingRoomsMovedToReadyRaiseTheCountysReadyBedsByTheirBeds() {
        String site = DeskFixtures.convertingSite(HOUMA);
        try (Browser officer = Browser.open(base.toString())) {
            officer.signIn(DemoUsers.officerOf(HOUMA));
            long readyBefore = boardReadyBeds(officer, HOUMA);
            officer.go("/console/isolation");
            officer.assertAccessible();
            List<WebElement> converting = officer.all("#site-" + site + " .room[data-state='CONVERTING']");
            assertThat(converting).hasSize(10);
            long beds = converting.stream().mapToLong(room -> Long.parseLong(room.getAttribute("data-beds"))).sum();
            converting.forEach(room -> room.findElement(By.cssSelector("input[type=checkbox]")).click());
            new Select(officer.find("#to-" + site)).selectByValue("READY");
            officer.driver.executeScript("document.getElementById('site-" + site + "').scrollIntoView()");
            officer.screenshot("isolation-officer-selected");
            officer.clickThrough("#move-" + site);
            assertThat(officer.find("#moved").getText()).contains("10 room(s) moved");
            assertThat(officer.all("#site-" + site + " .room[data-state='READY']")).hasSize(10);
            officer.driver.executeScript("document.getElementById('site-" + site + "').scrollIntoView()");
            officer.screenshot("isolation-officer-moved");
            assertThat(boardReadyBeds(officer, HOUMA)).isEqualTo(readyBefore + beds);
        }
    }

    @Test
    void aLabsDailyFiguresAreSavedAndShown() {
        String lab = "LAB-" + FENXI + "-1";
        try (Browser officer = Browser.open(base.toString())) {
            officer.signIn(DemoUsers.officerOf(FENXI)).go("/console/labs");
            new WebDriverWait(officer.driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("#lab-chart[data-drawn]")).isEmpty());
            assertThat(officer.driver.executeScript("return Chart.getChart('lab-chart').data.datasets.length"))
                    .isEqualTo(3L);
            officer.assertAccessible();
            officer.screenshot("labs-officer");
            officer.find("#received").sendKeys("1234");
            officer.find("#tested").sendKeys("1000");
            officer.find("#turnaround").sendKeys("6.5");
            officer.clickThrough("#save-figures");
            assertThat(officer.find("#saved").getText()).contains("Figures saved");
            assertThat(officer.find("#lab-" + lab + " .received").getText()).isEqualTo("1,234");
            assertThat(officer.find("#lab-" + lab + " .tested").getText()).isEqualTo("1,000");
            assertThat(officer.find("#lab-" + lab + " .turnaround").getText()).isEqualTo("6.5");
            // The chart's last day is today, with what was just reported.
            List<WebElement> days = officer.all("#lab-history tbody tr");
            assertThat(days).hasSize(14);
            assertThat(days.get(13).getAttribute("textContent")).contains(ServiceClock.today().toString(), "1,234");
            officer.screenshot("labs-officer-saved");
        }
    }

    @Test
    void theDesksReadInChineseForACityWideRole() {
        try (Browser scheduler = Browser.open(base.toString())) {
            scheduler.signIn(DemoUsers.SCHEDULER).go("/console/isolation?county=" + HOUMA);
            scheduler.assertAccessible();
            scheduler.screenshot("isolation-scheduler");
            scheduler.clickThrough("header a.lang");
            assertThat(scheduler.find("h1").getText()).isEqualTo("隔离点工作台 · 侯马市");
            scheduler.screenshot("isolation-zh");
            scheduler.go("/console/stock?depot=WH-" + HOUMA);
            assertThat(scheduler.find("h1").getText()).isEqualTo("库存台");
            scheduler.screenshot("stock-zh");
            scheduler.go("/console/labs?county=" + HOUMA);
            assertThat(scheduler.find("h1").getText()).isEqualTo("实验室工作台 · 侯马市");
            scheduler.screenshot("labs-zh");
            scheduler.clickThrough("header a.lang");
        }
    }

    /** The county's ready beds as the situation board shows them. */
    private static long boardReadyBeds(Browser browser, String county) {
        browser.go("/console");
        // Columns: county (th), risk, then physical, ready, free... beds.
        return Long.parseLong(browser.all("#county-" + county + " td").get(2).getText().replace(",", ""));
    }

    private static void fillTransfer(Browser browser, DeskFixtures.FloorCrossing crossing) {
        new Select(browser.find("#type")).selectByValue("TRANSFER");
        new Select(browser.find("#depot")).selectByValue(crossing.depot());
        new Select(browser.find("#toDepot")).selectByValue("WH-" + FENXI);
        new Select(browser.find("#item")).selectByValue(crossing.item());
        browser.find("#quantity").sendKeys(String.valueOf(crossing.quantity()));
        browser.find("#reference").sendKeys("night transfer");
    }
}
