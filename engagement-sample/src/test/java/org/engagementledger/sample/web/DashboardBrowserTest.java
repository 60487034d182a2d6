package org.engagementledger.sample.web;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.RedFlag;
import org.engagementledger.sample.EngagementVerification;
import org.engagementledger.sample.SampleApplication;
import org.engagementledger.sample.scenario.Cast;
import org.engagementledger.sample.scenario.DemoScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dashboard in Debian's headless Chromium (through Debian's chromedriver, never a downloaded browser or
 * driver) against the whole sample application with the demo scenario: sign in through the form, open the
 * troubled engagement, check that the timeline, both charts, the red flags and the twelve answers are shown with
 * the ledger's own numbers, and that the page loaded nothing from elsewhere. Screenshots go to
 * {@code target/dashboard-browser/} (the README's {@code docs/dashboard.png} is one of them).
 *
 * <p>Skipped with a message when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, except
 * on CI ({@code CI=true}), which installs both ({@code .ci/run}) and where a missing browser fails the test.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard-browser-test;DB_CLOSE_DELAY=-1",
        "server.address=127.0.0.1"})
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    static final Path OUT = Path.of("target", "dashboard-browser");
    static final String MISSING = "Headless Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): install the Debian "
            + "packages chromium and chromium-driver (apt-get install -y chromium chromium-driver) to run the dashboard's browser test";

    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;

    @LocalServerPort
    int port;

    @Autowired
    EngagementLedger ledger;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(MISSING + "; CI=true, where .ci/run installs them, so the test fails instead of being skipped");
            }
            return; // each test is skipped with the message (a skip here would not be counted by Surefire)
        }
        Files.createDirectories(OUT);
        profile = Files.createTempDirectory("dashboard-chromium-profile");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(OUT.resolve("chromedriver.log").toFile())
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                        "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,1500",
                        "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
    }

    @BeforeEach
    void skipWithoutChromiumAndRecordTheDemo() {
        if (driver == null) {
            Assumptions.abort(MISSING);
        }
        DemoScenario.record(ledger, line -> { }); // idempotent: a second call records nothing
        ledger.awaitReadModels(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anAuditorSignsInOpensTheTroubledEngagementAndSeesItsTimelineChartsRedFlagsAndAnswers() throws IOException {
        String base = "http://127.0.0.1:" + port;
        EngagementId troubled = DemoScenario.EASTMOOR_REPEAT;
        EngagementState state = ledger.auditHistory(troubled).state();
        EngagementAudit audit = ledger.audit(troubled, EngagementVerification.status(dataSource, troubled));

        driver.get(base + "/");
        waitFor("return location.pathname === '/login' && document.getElementById('sign-in') !== null");
        assertEquals((long) Cast.USERS.size(), js("return document.querySelectorAll('table.users tbody tr').length"), "the demo users are listed");
        driver.findElement(By.id("username")).sendKeys(Cast.AUDITOR.username());
        driver.findElement(By.id("password")).sendKeys(Cast.AUDITOR.password());
        driver.findElement(By.id("sign-in")).click();

        waitFor("return document.getElementById('view') && document.getElementById('view').dataset.ready === 'list'");
        assertTrue(driver.findElement(By.id("who")).getText().contains("auditor (AUDITOR, national-audit-office)"));
        assertEquals(3L, js("return document.querySelectorAll('#engagements tbody tr').length"));
        waitFor("return [...document.querySelectorAll('.flags-count')].every(c => c.textContent !== '…')");
        assertEquals(String.valueOf(audit.redFlags().size()),
                driver.findElement(By.cssSelector(".flags-count[data-engagement='" + troubled + "']")).getText());
        screenshot("dashboard-list", false);

        driver.findElement(By.cssSelector("tr[data-engagement='" + troubled + "'] a.engagement-link")).click();
        waitFor("return document.getElementById('view').dataset.ready === 'engagement'");

        assertTrue(driver.findElement(By.id("engagement-title")).getText().startsWith(troubled + " · Caseload forecasting"));
        assertEquals((long) ledger.timeline(troubled).entries().size(), js("return document.querySelectorAll('#timeline tbody tr').length"));
        assertEquals("0", driver.findElement(By.cssSelector("#timeline tbody tr")).getAttribute("data-sequence"));

        for (String chart : List.of("chart-cost", "chart-capability")) {
            WebElement svg = driver.findElement(By.id(chart));
            assertTrue(svg.isDisplayed(), chart);
            assertTrue(svg.getRect().getWidth() > 400 && svg.getRect().getHeight() > 100, chart + " is " + svg.getRect().getDimension());
        }
        assertEquals((long) state.cost().overTime().size(), js("return document.querySelectorAll('#chart-cost circle.cost-point').length"));
        assertEquals(true, js("return document.querySelector('#chart-cost path.committed').getTotalLength() > 300"), "the committed line is drawn");
        assertEquals(2L, js("return document.querySelectorAll('#chart-cost path.amendment').length"), "both amendments are marked");
        assertEquals((long) state.capabilityTargets().size(), js("return document.querySelectorAll('#chart-capability g.capability-target').length"));
        assertEquals("false", driver.findElement(By.cssSelector("#chart-capability g.capability-target")).getAttribute("data-met"));
        assertEquals(true, js("return document.querySelector('#chart-capability rect[data-kind=assessed]').getBBox().width > 10"));

        List<WebElement> flags = driver.findElements(By.cssSelector("#red-flags li.red-flag"));
        assertEquals(audit.redFlags().size(), flags.size());
        for (int i = 0; i < flags.size(); i++) {
            RedFlag expected = audit.redFlags().get(i);
            assertEquals(expected.code().name(), flags.get(i).getAttribute("data-code"));
            assertEquals(expected.severity().name(), flags.get(i).getAttribute("data-severity"));
            assertTrue(flags.get(i).isDisplayed());
        }
        List<WebElement> answers = driver.findElements(By.cssSelector("#answers [data-question]"));
        assertEquals(12, answers.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(String.valueOf(i + 1), answers.get(i).getAttribute("data-question"));
            assertEquals(audit.answers().get(i).verdict().name(), answers.get(i).getAttribute("data-verdict"));
        }
        assertEquals("INTACT", driver.findElement(By.id("verification")).getAttribute("data-outcome"));
        assertEquals(base + "/api/engagements/" + troubled + "/report", driver.findElement(By.id("report-link")).getAttribute("href"));
        assertEquals(base + "/api/engagements/" + troubled + "/ocds/releases", driver.findElement(By.id("ocds-releases-link")).getAttribute("href"));
        assertEquals(0L, js("return performance.getEntriesByType('resource').filter(r => !r.name.startsWith(location.origin)).length"),
                "nothing was loaded from another origin");
        screenshot("dashboard", true);

        driver.get(base + "/api/engagements/" + troubled + "/report");
        assertEquals(12L, js("return document.querySelectorAll('#answers [data-question]').length"), "the HTML report opens from the dashboard");
    }

    @Test
    void aWrongPasswordKeepsTheUserOnTheSignInPage() {
        driver.manage().deleteAllCookies();
        driver.get("http://127.0.0.1:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys("auditor");
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        driver.findElement(By.id("sign-in")).click();
        waitFor("return document.getElementById('login-error') !== null");
        assertEquals("/login", js("return location.pathname"));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Polls a script until it returns true: the dashboard renders after its API calls return. */
    private static void waitFor(String condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Boolean.TRUE.equals(js(condition))) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + condition + " on " + driver.getCurrentUrl() + "\n"
                        + js("return document.body ? document.body.innerText.substring(0, 2000) : ''"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The first screen ({@code <name>.png}) and, when asked, the whole page ({@code <name>-full.png}). */
    private static void screenshot(String name, boolean wholePage) throws IOException {
        Map<String, Object> top = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Path first = Files.write(OUT.resolve(name + ".png"), Base64.getDecoder().decode((String) top.get("data")));
        assertTrue(Files.size(first) > 20_000, "a screenshot of the first screen");
        if (!wholePage) {
            return;
        }
        Number height = (Number) js("return document.documentElement.scrollHeight");
        Map<String, Object> full = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height.intValue(), "scale", 1)));
        Files.write(OUT.resolve(name + "-full.png"), Base64.getDecoder().decode((String) full.get("data")));
    }
}
