package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search and highlighting on the course's real site in Chromium (issue 14): search loads on first use, not with the
 * page; a result opens the matching step, shows a snippet with the terms marked, and arrow keys move through the
 * results. The index loads no highlighter; a lesson loads the grammars its code uses, and every shell block is
 * highlighted (a third of them stayed plain with highlight.js's bash alone). The index holds the text a page shows,
 * code as written: no Markdown marks, fence info strings or PlantUML source.
 */
class StepSearchTest {

    @TempDir
    static Path tmp;
    static CourseSiteInChromium course;
    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void build() throws Exception {
        course = CourseSiteInChromium.open(tmp, 1366, 900);
        driver = course.driver;
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (course != null) {
            course.close();
        }
    }

    @Test
    void searchLoadsOnFirstUseAndOpensTheMatchingStep() {
        open("index.html");
        assertEquals(List.of("assets/theme.js", "assets/site.js"), scripts(), "the index loads no search and no highlighter");

        WebElement input = driver.findElement(By.id("search"));
        input.sendKeys("iptables-save");
        List<WebElement> results = wait.until(d -> {
            List<WebElement> links = d.findElements(By.cssSelector("#search-results a"));
            return links.isEmpty() ? null : links;
        });
        assertTrue(scripts().stream().anyMatch(s -> s.endsWith("/assets/lunr.min.js")) && scripts().stream().anyMatch(s -> s.endsWith("/search-index.js")),
                "loaded on first use: " + scripts());
        assertTrue(results.size() >= 2, "several steps mention iptables-save");
        String first = results.get(0).getDomAttribute("href");
        assertTrue(first.matches("\\d\\d-[a-z0-9-]+\\.html#[a-z0-9-]+"), "a result opens a step: " + first);
        List<WebElement> marks = results.get(0).findElements(By.cssSelector(".result-snippet mark"));
        assertFalse(marks.isEmpty(), "the snippet marks the terms: " + results.get(0).getText());
        // lunr splits "iptables-save" into two terms: either is marked, and nothing else.
        assertTrue(marks.stream().map(m -> m.getText().toLowerCase()).allMatch(t -> t.startsWith("iptables") || t.startsWith("save")),
                marks.stream().map(WebElement::getText).toList().toString());

        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals(first, focusedHref(), "down from the box: the first result");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertEquals(results.get(1).getDomAttribute("href"), focusedHref(), "down again: the second");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertEquals(first, focusedHref());
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_UP);
        assertEquals("search", driver.switchTo().activeElement().getDomAttribute("id"), "up from the first: back in the box");

        input.sendKeys(Keys.ARROW_DOWN);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        String anchor = first.substring(first.indexOf('#') + 1);
        wait.until(d -> d.getCurrentUrl().endsWith(first));
        WebElement step = driver.findElement(By.id(anchor));
        assertEquals("section", step.getTagName());
        assertTrue(step.getText().toLowerCase().contains("iptables-save"), "the step that matched");
    }

    @Test
    void theIndexHoldsWhatThePageShowsCharactersOfCodeIncluded() {
        open("index.html");
        WebElement input = driver.findElement(By.id("search"));
        input.sendKeys("target_port");
        List<WebElement> results = wait.until(d -> {
            List<WebElement> links = d.findElements(By.cssSelector("#search-results a"));
            return links.isEmpty() ? null : links;
        });
        // Indexed as "target port" (the underscore blanked), the step about the snake-case mistake was not found.
        assertTrue(results.stream().anyMatch(r -> r.getDomAttribute("href").equals("10-troubleshooting.html#payments-the-field-that-vanished")),
                results.stream().map(r -> r.getDomAttribute("href")).toList().toString());
        assertTrue(results.stream().flatMap(r -> r.findElements(By.cssSelector(".result-snippet mark")).stream())
                .anyMatch(m -> m.getText().equals("target_port")), "marked as written");
        @SuppressWarnings("unchecked")
        List<String> bodies = (List<String>) driver.executeScript("""
                return window.KUBELESSONS_SEARCH.flatMap(l => [l.body, ...l.steps.map(s => s.body)]);""");
        String all = String.join("\n", bodies);
        assertFalse(all.contains("plantuml") || all.contains("' title:"), "a diagram's PlantUML source is not what a reader sees");
        assertFalse(all.contains(" sh kubectl"), "nor a fence's info string");
        assertTrue(all.contains("my-nginx.<namespace>.svc.cluster.local"), "the < > of <namespace> kept, as the page shows them");
        assertTrue(all.contains("jumps to KUBE-EXT-<hash>"), "nor the > of a chain's name");
        assertTrue(all.contains("One connection to my-nginx's ClusterIP, through kube-proxy's chains"), "a diagram's caption is found");
    }

    @Test
    void aLessonLoadsTheGrammarsItUsesAndEveryShellBlockIsHighlighted() {
        open("03-clusterip.html");
        assertEquals("assets/hljs/core.min.js assets/hljs/bash.min.js assets/hljs/yaml.min.js",
                driver.executeScript("return document.body.getAttribute('data-highlighter');"));
        driver.executeScript("document.querySelector('pre code').scrollIntoView({block: 'center'});");
        wait.until(d -> driver.executeScript("return document.documentElement.hasAttribute('data-highlighted');"));
        assertEquals(List.of("assets/theme.js", "assets/hljs/core.min.js", "assets/hljs/bash.min.js", "assets/hljs/yaml.min.js",
                "assets/site.js"), scripts(), "the core and the page's grammars, loaded once code came near");
        @SuppressWarnings("unchecked")
        List<String> plain = (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('code.language-sh')].filter(c => !c.querySelector('span'))
                    .map(c => c.textContent.slice(0, 60));""");
        assertEquals(List.of(), plain, "shell blocks without highlighting");
        @SuppressWarnings("unchecked")
        List<String> builtins = (List<String>) driver.executeScript(
                "return [...document.querySelectorAll('code.language-sh .hljs-built_in')].map(e => e.textContent);");
        assertTrue(builtins.contains("kubectl"), "the command is coloured");
        assertFalse(builtins.contains("rm") || builtins.contains("for"), "a flag (--rm) is one token, not a builtin inside it: " + builtins);
    }

    private static void open(String page) {
        driver.get(course.site.resolve(page).toUri().toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> scripts() {
        return (List<String>) driver.executeScript("return [...document.scripts].map(s => s.getAttribute('src')).filter(s => s);");
    }

    private static String focusedHref() {
        return driver.switchTo().activeElement().getDomAttribute("href");
    }
}
