package org.surgeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs), headless at 1366x768, saving a screenshot of each page under {@code target/screenshots/}.
 * Without the browser the tests are skipped with a message saying how to install it, except where
 * {@code SURGELINE_REQUIRE_BROWSER=true} (as in {@code .ci/run}): there a missing browser fails them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(String base) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Chromium is not installed: apt-get install -y chromium chromium-driver";
        if (Boolean.parseBoolean(System.getenv("SURGELINE_REQUIRE_BROWSER"))) {
            assertThat(present).as(missing).isTrue();
        }
        Assumptions.assumeTrue(present, missing);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1366,768", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return new Browser(driver, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    Browser signIn(String user, String password) {
        go("/console/login");
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        clickThrough("form button[type=submit]");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    Browser signIn(String user) {
        return signIn(user, user.startsWith("officer") ? "officer" : user);
    }

    Browser signOut() {
        clickThrough("form[action='/console/logout'] button");
        return this;
    }

    /**
     * Clicks something that loads another page and waits until it has: reading the page before that
     * could find the old page's elements, gone the moment the new one arrives.
     */
    void clickThrough(WebElement element) {
        throughTo(element::click);
    }

    /** Does what loads another page (a click, a script that submits) and waits until it has loaded. */
    void throughTo(Runnable navigation) {
        WebElement page = driver.findElement(By.tagName("html"));
        navigation.run();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> isGone(page));
    }

    /**
     * Whether an element has left the document. Chromium sometimes answers a question about a node
     * of the page being replaced with "does not belong to the document" instead of "stale": gone too.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void clickThrough(String css) {
        clickThrough(find(css));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text() {
        return find("body").getText();
    }

    /** Saves the page as it is now, full width of the 1366x768 window. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    /**
     * Accessibility basics of the page: every visible field has a label, every action is a button or
     * a link (nothing clickable that is neither), and every table has header cells.
     */
    void assertAccessible() {
        for (WebElement field : all("input:not([type=hidden]), select, textarea")) {
            String id = field.getAttribute("id");
            boolean labelled = id != null && !all("label[for='" + id + "']").isEmpty()
                    || field.getAttribute("aria-label") != null;
            assertThat(labelled).as("field %s has a label", field.getAttribute("name")).isTrue();
        }
        assertThat(all("[onclick]:not(a):not(button), div[role=button], span[role=button]"))
                .as("actions are buttons or links").isEmpty();
        for (WebElement table : all("table")) {
            assertThat(table.findElements(By.tagName("th"))).as("table %s has header cells", table.getAttribute("id"))
                    .isNotEmpty();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
