package org.engagementledger.report;

import org.engagementledger.audit.AuditInputs;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.EngagementState;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.engagementledger.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders the report in Debian's headless Chromium (through Debian's chromedriver, never a downloaded
 * browser or driver) from a file, checks that the browser built the charts and the answers, that it
 * loaded nothing, and how the page prints; saves screenshots and a PDF under
 * {@code target/report-browser/} for a person to look at.
 *
 * <p>Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, except on CI
 * ({@code CI=true}), which installs both ({@code .ci/run}) and where a missing browser fails the test.
 */
class AuditReportBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("report.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("report.chromedriver", "/usr/bin/chromedriver"));
    static final Path OUT = Path.of("target", "report-browser");

    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;

    private static final EngagementHistory TROUBLED = troubled();
    private static final EngagementAudit TROUBLED_AUDIT = troubledAudit(findings());
    private static final EngagementState TROUBLED_STATE = TROUBLED.state();

    static final String MISSING = "Headless Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): install the Debian "
            + "packages chromium and chromium-driver (apt-get install -y chromium chromium-driver) to run the browser test of the HTML report";

    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void startChromium() throws IOException {
        if (!chromiumInstalled()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(MISSING + "; CI=true, where .ci/run installs them, so the test fails instead of being skipped");
            }
            return; // each test is skipped with the message (a skip here would not be counted by Surefire)
        }
        Files.createDirectories(OUT);
        profile = Files.createTempDirectory("report-chromium-profile");
        // The driver is given explicitly, so Selenium Manager never runs (it would try to download one).
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
                        "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,1600",
                        "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    }

    @BeforeEach
    void skipWithoutChromium() {
        if (driver == null) {
            Assumptions.abort(MISSING);
        }
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
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void open(String name, String html) throws IOException {
        Path file = Files.writeString(OUT.resolve(name + ".html"), html).toAbsolutePath();
        driver.get(file.toUri().toString());
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    void chromiumDrawsBothChartsAndAllTwelveAnswers() throws IOException {
        open("audit-report-troubled", REPORT.render(TROUBLED, TROUBLED_AUDIT));

        assertEquals("complete", js("return document.readyState"));
        for (String id : List.of("chart-cost", "chart-capability")) {
            assertEquals(true, js("return document.getElementById(arguments[0]) instanceof SVGSVGElement", id), id);
            WebElement chart = driver.findElement(By.id(id));
            assertTrue(chart.isDisplayed(), id);
            assertTrue(chart.getRect().getWidth() > 600, id + " is " + chart.getRect().getWidth() + " px wide");
            assertTrue(chart.getRect().getHeight() > 100, id + " is " + chart.getRect().getHeight() + " px high");
        }
        assertEquals((long) TROUBLED_STATE.cost().overTime().size(),
                js("return document.querySelectorAll('#chart-cost circle.cost-point').length"));
        assertEquals(true, js("return document.querySelector('#chart-cost path.committed').getTotalLength() > 100"),
                "the committed-cost line has a length");
        assertEquals((long) TROUBLED_STATE.capabilityTargets().size(),
                js("return document.querySelectorAll('#chart-capability g.capability-target').length"));
        assertEquals(true, js("return document.querySelector('#chart-capability rect[data-kind=target]').getBBox().width > 100"),
                "the target bar is drawn");

        List<WebElement> answers = driver.findElements(By.cssSelector("#answers [data-question]"));
        assertEquals(12, answers.size());
        for (int i = 0; i < 12; i++) {
            WebElement answer = answers.get(i);
            assertEquals(String.valueOf(i + 1), answer.getAttribute("data-question"));
            assertTrue(answer.isDisplayed());
            assertEquals(TROUBLED_AUDIT.answers().get(i).answer().replaceAll("\\s+", " ").strip(),
                    answer.findElement(By.cssSelector(".answer-text")).getText());
        }
        assertEquals((long) TROUBLED_AUDIT.redFlags().size(), js("return document.querySelectorAll('#red-flags tr.red-flag').length"));
        assertEquals((long) TROUBLED.events().size(), js("return document.querySelectorAll('#timeline tbody tr').length"));
        assertEquals("FINDINGS", driver.findElement(By.id("verification")).getAttribute("data-outcome"));

        screenshot("audit-report-troubled", true);
    }

    @Test
    void thePageLoadsNothingAndRunsNoScript() throws IOException {
        open("audit-report-hostile", REPORT.render(hostile(), AuditInputs.none()));

        assertEquals(0L, js("return document.scripts.length"));
        assertEquals(0L, js("return performance.getEntriesByType('resource').length"), "no resource was fetched");
        assertEquals(0L, js("return document.images.length + document.querySelectorAll('iframe, link, object, embed').length"));
        assertEquals(SCRIPT_OUTCOME, js("return document.querySelector('[data-requirement=REQ-X] tr[data-version=\"1\"] .outcome').textContent"));
        assertEquals(SVG_BREAKOUT, js("return document.querySelector('#chart-capability [data-target=CAP-X] text.label').textContent"));
        assertEquals(true, js("return window.getComputedStyle(document.body).display !== 'none'"), "an injected style was not applied");
        assertEquals(2L, js("return document.querySelectorAll('svg').length"));
        screenshot("audit-report-hostile", false);
    }

    @Test
    void inPrintTheTextIsBlackAndTheLinksPlain() throws IOException {
        open("audit-report-realistic", REPORT.render(realistic(), AuditInputs.none().withVerification(intact())));
        try {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertEquals("rgb(0, 0, 0)", js("return getComputedStyle(document.body).color"));
            assertEquals("rgb(0, 0, 0)", js("return getComputedStyle(document.querySelector('h2')).color"));
            assertEquals("rgb(0, 0, 0)", js("return getComputedStyle(document.querySelector('a.seq-ref')).color"));
            assertEquals("rgba(0, 0, 0, 0)", js("return getComputedStyle(document.getElementById('verification')).backgroundColor"));
            assertEquals("avoid", js("return getComputedStyle(document.querySelector('#timeline tbody tr')).breakInside"));
            Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("printBackground", false, "preferCSSPageSize", true));
            Path file = Files.write(OUT.resolve("audit-report-realistic.pdf"), Base64.getDecoder().decode((String) pdf.get("data")));
            assertTrue(Files.size(file) > 10_000, "a PDF of the printed report");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        screenshot("audit-report-realistic", false);
    }

    /** The first screen ({@code <name>.png}) and, when asked, the whole page ({@code <name>-full.png}). */
    private static void screenshot(String name, boolean wholePage) throws IOException {
        Map<String, Object> top = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(OUT.resolve(name + ".png"), Base64.getDecoder().decode((String) top.get("data")));
        if (!wholePage) {
            return;
        }
        Number height = (Number) js("return document.documentElement.scrollHeight");
        Map<String, Object> full = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 1280, "height", height.intValue(), "scale", 1)));
        Path file = Files.write(OUT.resolve(name + "-full.png"), Base64.getDecoder().decode((String) full.get("data")));
        assertTrue(Files.size(file) > 20_000, "a screenshot of the whole page");
    }
}
