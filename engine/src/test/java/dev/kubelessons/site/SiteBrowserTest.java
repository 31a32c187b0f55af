package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built fixture site in headless Chromium, opened from file:// as a learner would:
 * search, follow the result, copy a code block, unfold a hint, switch the theme.
 * Needs Debian's chromium and chromium-driver; fails (never skips) without them.
 */
class SiteBrowserTest {


    @TempDir
    static Path tmp;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static Path site;

    @BeforeAll
    static void startBrowser() throws Exception {
        site = tmp.resolve("site");
        SiteTestSupport.build(SiteTestSupport.course(), site);

        driver = dev.kubelessons.HeadlessChromium.start(tmp, 1280, 900);
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void searchCopyAndHintWorkFromFileUrls() {
        driver.manage().logs().get(LogType.BROWSER); // reading drains what earlier tests logged
        driver.get(site.resolve("index.html").toUri().toString());
        assertEquals("Fixture course", driver.getTitle(), "the index is titled by the course file (fixtures/course.yaml)");

        // Search "ClusterIP" and follow the result to lesson 03.
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys("ClusterIP");
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results a[href='03-clusterip.html']")));
        assertTrue(result.getText().contains("ClusterIP Services"), result.getText());
        result.click();
        wait.until(ExpectedConditions.urlMatches("03-clusterip\\.html$"));
        assertEquals("ClusterIP Services", driver.findElement(By.tagName("h1")).getText());

        // highlight.js loaded from assets/ once code came near the screen, and highlighted the code.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.querySelector('pre code').scrollIntoView({block: 'center'});");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre code.hljs")));

        // Copy a code block: the button says so, and the clipboard holds the code.
        grantClipboard();
        WebElement block = driver.findElement(By.cssSelector(".block.setup .code"));
        String code = block.findElement(By.tagName("code")).getAttribute("textContent");
        WebElement copy = block.findElement(By.cssSelector("button.copy"));
        copy.click();
        wait.until(ExpectedConditions.attributeToBe(copy, "data-state", "copied"));
        assertEquals("Copied", copy.getText());
        assertEquals(code, readClipboard(), "the clipboard holds the code block's text");
        assertTrue(code.startsWith("apiVersion: apps/v1"), code);

        // Hints are folded until the reader asks.
        WebElement hintText = driver.findElement(By.cssSelector("details.hint .hint-body p"));
        assertFalse(hintText.isDisplayed(), "the hint starts folded");
        driver.findElement(By.cssSelector("details.hint summary")).click();
        wait.until(ExpectedConditions.visibilityOf(hintText));
        assertTrue(hintText.getText().contains("A Service selects pods by label"), hintText.getText());

        // The solution hides behind its own reveal.
        WebElement solution = driver.findElement(By.cssSelector("details.solution .solution-body"));
        assertFalse(solution.isDisplayed());
        driver.findElement(By.cssSelector("details.solution summary")).click();
        wait.until(ExpectedConditions.visibilityOf(solution));

        assertNoScriptErrors();
    }

    @Test
    void theThemeToggleIsRememberedAcrossPages() {
        driver.get(site.resolve("index.html").toUri().toString());
        String before = (String) js("return window.kubelessonsTheme.effective();");
        driver.findElement(By.id("theme-toggle")).click();
        String after = (String) js("return document.documentElement.getAttribute('data-theme');");
        assertFalse(before.equals(after), "the toggle switches theme");

        driver.get(site.resolve("02-deployments.html").toUri().toString());
        assertEquals(after, js("return document.documentElement.getAttribute('data-theme');"), "the choice persists");
        assertEquals("all", js("return document.getElementById('hljs-' + arguments[0]).media;", after), "the code theme follows");
        js("localStorage.clear();");
    }

    @Test
    void pagesFitAPhoneScreen() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 740));
        try {
            for (String page : List.of("index.html", "03-clusterip.html")) {
                driver.get(site.resolve(page).toUri().toString());
                long scrollWidth = (Long) js("return document.documentElement.scrollWidth;");
                long viewport = (Long) js("return window.innerWidth;");
                assertTrue(scrollWidth <= viewport, page + " scrolls sideways on a phone: " + scrollWidth + " > " + viewport);
            }
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void servedPagesReloadAfterARebuild() throws Exception {
        try (SiteServer server = new SiteServer(site, 0)) {
            server.start();
            driver.get(server.url() + "03-clusterip.html");
            assertEquals("ClusterIP Services", driver.findElement(By.tagName("h1")).getText());
            js("window.kubelessonsBeforeReload = true;");
            wait.until(d -> js("return window.kubelessonsLiveVersion || null;") != null);
            server.siteChanged();
            wait.until(d -> js("return window.kubelessonsBeforeReload === undefined;"));
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void grantClipboard() {
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    private static String readClipboard() {
        Object text = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, function (e) { done('clipboard read failed: ' + e); });");
        return String.valueOf(text);
    }

    private static void assertNoScriptErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertEquals("", severe.stream().map(LogEntry::getMessage).collect(Collectors.joining("\n")), "errors in the browser console");
    }
}
