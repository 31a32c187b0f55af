package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The course's real site on a phone (Chromium at 390x844, issue 14's audit): no page is wider than the screen, so
 * nothing scrolls sideways. Long inline code (sessionAffinityConfig.clientIP.timeoutSeconds) and tables (11's) wrap.
 * What is wider than a phone by nature scrolls in its own frame at a readable size (the catalog, diagrams); search
 * results use the screen's width, not the search box's; the Copy button never hides the end of a line.
 */
class PhoneWidthTest {

    private static final int WIDTH = 390;

    @TempDir
    static Path tmp;
    static CourseSiteInChromium course;
    static ChromeDriver driver;

    @BeforeAll
    static void build() throws Exception {
        course = CourseSiteInChromium.open(tmp, WIDTH, 844);
        driver = course.driver;
        // A headless window has a minimum width (about 500 px); the phone's viewport is emulated as DevTools does.
        phone();
    }

    private static void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", 844,
                "deviceScaleFactor", 3, "mobile", true));
    }

    @AfterAll
    static void stop() {
        if (course != null) {
            course.close();
        }
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() throws IOException {
        List<String> tooWide = new ArrayList<>();
        List<Path> pages = course.pages();
        for (Path page : pages) {
            driver.get(page.toUri().toString());
            long viewport = ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
            long content = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
            if (content > viewport) {
                String culprit = (String) driver.executeScript("""
                        const w = document.documentElement.clientWidth;
                        const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                            && !e.closest('pre'));
                        const e = wide[wide.length - 1];
                        return e ? e.tagName + ' ' + (e.textContent || '').trim().slice(0, 60) : '?';""");
                tooWide.add(page.getFileName() + ": " + content + " px wide in a " + viewport + " px screen (" + culprit + ")");
            }
        }
        assertEquals(List.of(), tooWide, "pages wider than a phone");
    }

    @Test
    void searchResultsUseThePhonesWidth() {
        open("03-clusterip.html");
        driver.findElement(By.id("search")).sendKeys("endpointslice");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#search-results a")).isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) driver.executeScript("""
                const r = document.getElementById('search-results').getBoundingClientRect();
                return {left: r.left, right: r.right, viewport: document.documentElement.clientWidth};""");
        double width = box.get("right").doubleValue() - box.get("left").doubleValue();
        assertTrue(width >= 0.8 * box.get("viewport").doubleValue() && box.get("left").doubleValue() >= 0
                && box.get("right").doubleValue() <= box.get("viewport").doubleValue(),
                "the results are " + width + " px wide, from " + box.get("left") + ", on a " + box.get("viewport") + " px screen");
    }

    @Test
    void theCatalogScrollsInItsFrameAndKeepsItsHeadingsWhole() {
        open("index.html");
        assertTrue((Boolean) driver.executeScript(
                "const w = document.querySelector('.catalog .table-wrap'); return w.scrollWidth > w.clientWidth;"),
                "on a phone the catalog is wider than the screen and scrolls sideways in its frame");
        assertEquals(List.of(), brokenHeadings(), "catalog headings broken across lines on a phone");
        // On a desktop too: "Durati/on" was cut there.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900,
                "deviceScaleFactor", 1, "mobile", false));
        try {
            open("index.html");
            assertEquals(List.of(), brokenHeadings(), "catalog headings broken across lines at 1280 px");
        } finally {
            phone();
        }
    }

    @Test
    void diagramsKeepTheirDrawnSizeAndScrollInTheirFrame() {
        for (String page : List.of("index.html", "03-clusterip.html")) {
            open(page);
            @SuppressWarnings("unchecked")
            List<String> shrunk = (List<String>) driver.executeScript("""
                    return [...document.querySelectorAll('figure.diagram')].filter(f => {
                        const svg = f.querySelector('svg');
                        return svg.getBoundingClientRect().width < Number(svg.getAttribute('width')) - 1
                            || (svg.getBoundingClientRect().width > f.clientWidth && f.scrollWidth <= f.clientWidth);
                    }).map(f => f.querySelector('figcaption').textContent + ': ' + Math.round(f.querySelector('svg')
                        .getBoundingClientRect().width) + ' of ' + f.querySelector('svg').getAttribute('width') + ' px');""");
            assertEquals(List.of(), shrunk, page + ": diagrams scaled down (or cut off) on a phone");
        }
    }

    @Test
    void theCopyButtonLeavesTheEndOfEveryLineInView() throws IOException {
        List<String> covered = new ArrayList<>();
        for (Path page : course.pages()) {
            driver.get(page.toUri().toString());
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) driver.executeScript("""
                    return [...document.querySelectorAll('.code pre')].filter(pre => pre.scrollWidth > pre.clientWidth).filter(pre => {
                        pre.scrollLeft = pre.scrollWidth;
                        const button = pre.parentElement.querySelector('.copy').getBoundingClientRect();
                        const range = document.createRange();
                        range.selectNodeContents(pre);
                        return [...range.getClientRects()].some(r => r.width > 0 && r.right > button.left + 1
                            && r.top < button.bottom && r.bottom > button.top);
                    }).map(pre => pre.textContent.split('\\n')[0].slice(0, 60));""");
            found.forEach(line -> covered.add(page.getFileName() + ": " + line));
        }
        assertEquals(List.of(), covered, "lines whose end stays under the Copy button when scrolled to the end");
    }

    /** Headings of the catalog with a word cut across two lines ("Durati" / "on"). */
    @SuppressWarnings("unchecked")
    private static List<String> brokenHeadings() {
        return (List<String>) driver.executeScript("""
                const broken = [];
                for (const th of document.querySelectorAll('.catalog th')) {
                    const text = th.firstChild;
                    for (const m of text.textContent.matchAll(/[^\\s-]+/g)) {
                        const range = document.createRange();
                        range.setStart(text, m.index);
                        range.setEnd(text, m.index + m[0].length);
                        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                        if (tops.size > 1) { broken.push(m[0]); }
                    }
                }
                return broken;""");
    }

    private static void open(String page) {
        driver.get(course.site.resolve(page).toUri().toString());
    }
}
