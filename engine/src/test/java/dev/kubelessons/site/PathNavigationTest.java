package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Previous/Next follow the learner's path on the course's real site in Chromium (issue 14): lesson 08 is 8th top-down
 * but 2nd bottom-up, so a bottom-up learner must be led from 08 to 01 and the next bottom-up lesson, not to 07 and 09;
 * the choice made on the index is remembered across pages, and pagers say "2 of 13 on Bottom-up", never the sort key
 * "Bottom-up #20". Expected neighbours come from the lessons' own front matter, so new lessons do not break the test.
 */
class PathNavigationTest {

    @TempDir
    static Path tmp;
    static CourseSiteInChromium course;
    static ChromeDriver driver;
    static CourseLoader.Loaded lessons;
    // The titles course.yaml gives the paths.
    private static final Map<String, String> TITLES = Map.of("top-down", "Top-down", "bottom-up", "Bottom-up", "sre", "SRE drills");

    @BeforeAll
    static void build() throws Exception {
        course = CourseSiteInChromium.open(tmp, 1366, 900);
        driver = course.driver;
        lessons = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons"));
    }

    @AfterAll
    static void stop() {
        if (course != null) {
            course.close();
        }
    }

    @BeforeEach
    void forgetThePath() {
        open("index.html");
        driver.executeScript("localStorage.clear();");
    }

    @Test
    void withoutAChoiceTheTopDownPathLeads() {
        open("08-cni-pod-routing.html");
        assertPager("top-down", "08-cni-pod-routing");
        assertEquals(label("top-down", "08-cni-pod-routing") + ", " + label("bottom-up", "08-cni-pod-routing"),
                driver.findElement(By.cssSelector(".facts div:nth-child(2) dd")).getText());
    }

    @Test
    void aBottomUpLearnerIsLedAlongBottomUpOnEveryPage() {
        open("index.html");
        driver.findElement(By.cssSelector("#path-bottom-up a[href='08-cni-pod-routing.html']")).click();
        assertPager("bottom-up", "08-cni-pod-routing");
        // Issue 14's case: not 07 and 09 (its top-down neighbours); 01 is before it on the bottom-up path.
        assertEquals("01-kind-cluster.html", href(visiblePager(), "prev"));
        assertFalse("09-kube-proxy.html".equals(href(visiblePager(), "next")));

        String next = neighbours("bottom-up", "08-cni-pod-routing")[1];
        visiblePager().findElement(By.cssSelector("a[rel=next]")).click();
        assertTrue(driver.getCurrentUrl().endsWith(next + ".html"), driver.getCurrentUrl());
        assertPager("bottom-up", next);

        open("09-kube-proxy.html"); // remembered on a page opened directly, too
        assertPager("bottom-up", "09-kube-proxy");
    }

    @Test
    void anotherPathCanBeChosenInThePagerAndALessonOffItShowsTheDefault() {
        open("02-deployments.html");
        assertPager("top-down", "02-deployments");
        WebElement sre = driver.findElement(By.cssSelector(".pager-switch button[data-path=sre]"));
        assertTrue(sre.isDisplayed());
        assertFalse(driver.findElement(By.cssSelector(".pager-switch button[data-path=top-down]")).isDisplayed(), "no button for the path shown");
        sre.click();
        assertPager("sre", "02-deployments");

        open("12-checkout-drill.html");
        assertPager("sre", "12-checkout-drill");
        open("08-cni-pod-routing.html"); // not on the SRE path: its default, and the choice stays
        assertPager("top-down", "08-cni-pod-routing");
        assertEquals("sre", driver.executeScript("return localStorage.getItem('kubelessons-path');"));
    }

    @Test
    void withoutJavaScriptEveryPathsPagerIsInThePage() {
        String html = SiteTestSupport.read(course.site.resolve("08-cni-pod-routing.html"));
        assertTrue(html.contains(label("top-down", "08-cni-pod-routing")) && html.contains(label("bottom-up", "08-cni-pod-routing")),
                "both pagers, labelled");
        assertFalse(html.contains("#20") || html.contains("#80"), "no sort keys");
    }

    /** The lessons of a path in the course's own order (front matter positions, then id), as the pagers must follow it. */
    private static List<String> path(String id) {
        Course real = lessons.course();
        return real.path(real.paths().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow()).stream().map(Lesson::id).toList();
    }

    private static String[] neighbours(String pathId, String lesson) {
        List<String> order = path(pathId);
        int at = order.indexOf(lesson);
        assertTrue(at >= 0, lesson + " is on " + pathId);
        return new String[] {at > 0 ? order.get(at - 1) : null, at + 1 < order.size() ? order.get(at + 1) : null};
    }

    private static String label(String pathId, String lesson) {
        List<String> order = path(pathId);
        return (order.indexOf(lesson) + 1) + " of " + order.size() + " on " + TITLES.get(pathId);
    }

    private static void assertPager(String pathId, String lesson) {
        WebElement pager = visiblePager();
        String[] expected = neighbours(pathId, lesson);
        assertEquals(label(pathId, lesson), pager.findElement(By.className("pager-position")).getText());
        assertEquals(expected[0] == null ? null : expected[0] + ".html", href(pager, "prev"));
        assertEquals(expected[1] == null ? null : expected[1] + ".html", href(pager, "next"));
    }

    private static void open(String page) {
        driver.get(course.site.resolve(page).toUri().toString());
    }

    private static WebElement visiblePager() {
        List<WebElement> shown = driver.findElements(By.cssSelector(".pager-path")).stream().filter(WebElement::isDisplayed).toList();
        assertEquals(1, shown.size(), "one pager shows");
        return shown.get(0);
    }

    private static String href(WebElement pager, String rel) {
        List<WebElement> links = pager.findElements(By.cssSelector("a[rel=" + rel + "]"));
        return links.isEmpty() ? null : links.get(0).getDomAttribute("href");
    }
}
