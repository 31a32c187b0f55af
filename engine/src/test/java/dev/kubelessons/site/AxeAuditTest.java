package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 14's target: axe-core (Deque's own Selenium integration) finds no violation on any page of the course, in either theme;
 * issue 19's: those pages include the lessons' diagrams and the index's course map.
 */
class AxeAuditTest {

    @TempDir
    static Path tmp;
    static CourseSiteInChromium course;
    static ChromeDriver driver;

    @BeforeAll
    static void build() throws Exception {
        course = CourseSiteInChromium.open(tmp, 1366, 900);
        driver = course.driver;
    }

    @AfterAll
    static void stop() {
        if (course != null) {
            course.close();
        }
    }

    @Test
    void noPageHasAnAxeViolationInEitherTheme() throws IOException {
        List<String> found = new ArrayList<>();
        java.util.Set<String> withDiagrams = new java.util.TreeSet<>();
        List<Path> pages = course.pages();
        for (String theme : List.of("light", "dark")) {
            for (Path page : pages) {
                driver.get(page.toUri().toString());
                highlightCode(driver); // so axe audits the code's colours too
                driver.executeScript("window.kubelessonsTheme.apply(arguments[0]);", theme); // the page theme and the code theme, as the toggle does
                Results results = new AxeBuilder().analyze(driver);
                if (!driver.findElements(org.openqa.selenium.By.cssSelector("figure.diagram svg[role=img]")).isEmpty()) {
                    withDiagrams.add(page.getFileName().toString());
                }
                for (Rule violation : results.getViolations()) {
                    found.add(theme + " " + page.getFileName() + ": " + violation.getId() + " (" + violation.getNodes().size() + " nodes) "
                            + violation.getNodes().get(0).getTarget());
                }
            }
        }
        assertEquals(List.of(), found);
        // Issue 19: the audit covers the pages with diagrams (inline SVG in both themes) and the index's course map.
        org.junit.jupiter.api.Assertions.assertTrue(withDiagrams.contains("index.html") && withDiagrams.contains("03-clusterip.html")
                && withDiagrams.size() >= 9, "pages with diagrams audited: " + withDiagrams);
    }

    /** Code is coloured once it nears the screen (highlight.js loads then): bring the first block near and wait for the colours. */
    static void highlightCode(org.openqa.selenium.WebDriver driver) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var c = document.querySelector('pre code[class*=\"language-\"]'); if (c && document.body.hasAttribute('data-highlighter')) { c.scrollIntoView({block: 'center'}); }");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !document.body.hasAttribute('data-highlighter') || !document.querySelector('pre code[class*=\"language-\"]')"
                        + " || document.documentElement.hasAttribute('data-highlighted');"));
    }
}
