package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.course.CourseFileReader;
import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 14's audit of the course's real pages in Chromium: the check list speaks to learners (no raw CEL, regex or
 * ${namespace} in view; the expression folded under "How it is checked"), and hints and solutions print open. A node
 * script says, right above it, which node's container it runs in: on the learner's own machine it would do harm.
 */
class CheckListAndPrintTest {

    @TempDir
    static Path tmp;
    static CourseSiteInChromium course;
    static ChromeDriver driver;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        course = CourseSiteInChromium.open(tmp, 1366, 900);
        driver = course.driver;
        site = course.site;
    }

    @AfterAll
    static void stop() {
        if (course != null) {
            course.close();
        }
    }

    @Test
    void theCheckListShowsSentencesAndFoldsTheExpressions() {
        for (String page : List.of("01-kind-cluster.html", "03-clusterip.html", "07-networkpolicy.html")) {
            driver.get(site.resolve(page).toUri().toString());
            List<WebElement> checks = driver.findElements(By.cssSelector(".check-list li"));
            assertFalse(checks.isEmpty(), page);
            for (WebElement check : checks) {
                String visible = check.getText(); // closed <details> content is not visible text
                assertFalse(visible.contains("${namespace}") || visible.contains("\\Q") || visible.contains("object.spec"),
                        page + ": internals in view: " + visible);
            }
        }
        driver.get(site.resolve("03-clusterip.html").toUri().toString());
        WebElement folded = driver.findElement(By.cssSelector(".check-list .check-internals"));
        assertEquals("How it is checked", folded.findElement(By.tagName("summary")).getText());
        folded.findElement(By.tagName("summary")).click();
        assertTrue(folded.findElement(By.tagName("code")).getText().contains("object."), "the CEL, for the curious");
    }

    @Test
    void everyNodeScriptNamesTheContainerItRunsIn() {
        Path root = Fixtures.repositoryRoot();
        CourseLoader.Loaded loaded = new CourseLoader(new CourseFileReader().read(root.resolve("course.yaml")).course().orElseThrow().paths())
                .load(root.resolve("lessons"));
        List<String> unlabelled = new ArrayList<>();
        int scripts = 0;
        for (Lesson lesson : loaded.course().lessons()) {
            List<Block> nodeScripts = lesson.steps().stream().flatMap(s -> s.parts().stream())
                    .filter(p -> p instanceof Block b && b.isNodeScript()).map(Block.class::cast).toList();
            if (nodeScripts.isEmpty()) {
                continue;
            }
            driver.get(site.resolve(lesson.id() + ".html").toUri().toString());
            // Each code block with the note just above it (empty when there is none), solutions opened to read them.
            @SuppressWarnings("unchecked")
            List<List<String>> blocks = (List<List<String>>) driver.executeScript("""
                    document.querySelectorAll('details').forEach(d => d.open = true);
                    return [...document.querySelectorAll('.code')].map(c => {
                        const before = c.previousElementSibling;
                        return [c.querySelector('pre').textContent,
                                before && before.classList.contains('runs-in') ? before.textContent.replace(/\\s+/g, ' ') : ''];
                    });""");
            String cluster = lesson.cluster().map(own -> "kubelessons-" + own).orElse("kubelessons");
            for (Block script : nodeScripts) {
                scripts++;
                String node = script.node().orElseThrow();
                String wanted = "Runs inside the " + node + " node's container, not on your machine: docker exec -i " + cluster + "-" + node + " sh";
                boolean labelled = blocks.stream().anyMatch(b -> b.get(0).strip().equals(script.content().strip()) && b.get(1).startsWith(wanted));
                if (!labelled) {
                    unlabelled.add(lesson.id() + " line " + script.position().line() + " (" + node + ")");
                }
            }
        }
        assertTrue(scripts >= 10, "the course's node scripts (13, 14 and 15 have them): " + scripts);
        assertEquals(List.of(), unlabelled, "node scripts that do not say which node's container they run in");
    }

    @Test
    void aNodeScriptCheckIsNamedInWordsAndShownInTheFold() {
        driver.get(site.resolve("13-cni-by-hand.html").toUri().toString());
        WebElement check = driver.findElement(By.id("check-control-plane-routes-worker-cidr"));
        String visible = check.getText();
        assertTrue(visible.contains("runs a shell script on the control-plane node"), visible);
        assertFalse(visible.contains("${nodes}") || visible.contains("sh -c"), "the script is not in the sentence: " + visible);
        WebElement folded = check.findElement(By.cssSelector(".check-internals"));
        folded.findElement(By.tagName("summary")).click();
        String fold = folded.findElement(By.tagName("code")).getText();
        assertTrue(fold.startsWith("sh -c with this script:\nfor n in ${nodes}; do"), fold);
        assertTrue(fold.contains("${nodes} is every node as name,podCIDR,InternalIP"), "what ${nodes} is: " + fold);
    }

    @Test
    void highlightedCodeMeetsWcagContrastInTheLightTheme() {
        driver.get(site.resolve("03-clusterip.html").toUri().toString());
        AxeAuditTest.highlightCode(driver);
        @SuppressWarnings("unchecked")
        List<Object> worst = (List<Object>) driver.executeScript("""
                const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
                const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                                   return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
                let worst = [99, ''];
                for (const e of document.querySelectorAll('pre code [class^="hljs-"]')) {
                  const pre = e.closest('pre');
                  let bg = getComputedStyle(e.closest('code')).backgroundColor;
                  if (bg === 'rgba(0, 0, 0, 0)') bg = getComputedStyle(pre).backgroundColor;
                  const r = ratio(rgb(getComputedStyle(e).color), rgb(bg));
                  if (r < worst[0]) worst = [r, e.className + ' ' + e.textContent];
                }
                return worst;""");
        assertTrue(((Number) worst.get(0)).doubleValue() < 99, "highlighted code was there to measure");
        assertTrue(((Number) worst.get(0)).doubleValue() >= 4.5, "contrast " + worst);
    }

    @Test
    void hintsAndSolutionsPrintOpen() {
        driver.get(site.resolve("03-clusterip.html").toUri().toString());
        assertFalse(rendered("details.hint .hint-body"), "closed on screen");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertTrue(rendered("details.hint .hint-body"), "open on paper");
            assertTrue(rendered("details.solution .solution-body"), "solutions too");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** Whether the browser lays the element out with a size (WebDriver's isDisplayed has its own rule for details). */
    private static boolean rendered(String selector) {
        return (Boolean) driver.executeScript("const e = document.querySelector(arguments[0]); const r = e.getBoundingClientRect();"
                + " return e.checkVisibility() && r.height > 0 && r.width > 0;", selector);
    }
}
