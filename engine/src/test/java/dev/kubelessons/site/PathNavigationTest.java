package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
 * but 2nd bottom-up, so a bottom-up learner must be led from 08 to 01 and 02, not to 07 and 09; the choice made on the
 * index is remembered across pages, and pagers say "2 of 11 on Bottom-up", never the sort key "Bottom-up #20".
 */
class PathNavigationTest {

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

    @BeforeEach
    void forgetThePath() {
        open("index.html");
        driver.executeScript("localStorage.clear();");
    }

    @Test
    void withoutAChoiceTheTopDownPathLeads() {
        open("08-cni-pod-routing.html");
        assertPager("8 of 11 on Top-down", "07-networkpolicy.html", "09-kube-proxy.html");
        assertEquals("8 of 11 on Top-down, 2 of 13 on Bottom-up", driver.findElement(By.cssSelector(".facts div:nth-child(2) dd")).getText());
    }

    @Test
    void aBottomUpLearnerIsLedAlongBottomUpOnEveryPage() {
        open("index.html");
        driver.findElement(By.cssSelector("#path-bottom-up a[href='08-cni-pod-routing.html']")).click();
        assertPager("2 of 13 on Bottom-up", "01-kind-cluster.html", "13-cni-by-hand.html");

        visiblePager().findElement(By.cssSelector("a[rel=next]")).click();
        assertEquals("Install a CNI by hand", driver.findElement(By.tagName("h1")).getText());
        assertPager("3 of 13 on Bottom-up", "08-cni-pod-routing.html", "02-deployments.html");

        open("09-kube-proxy.html"); // remembered on a page opened directly, too
        assertPager("6 of 13 on Bottom-up", "03-clusterip.html", "14-kube-proxy-ipvs.html");
    }

    @Test
    void anotherPathCanBeChosenInThePagerAndALessonOffItShowsTheDefault() {
        open("02-deployments.html");
        assertPager("2 of 11 on Top-down", "01-kind-cluster.html", "03-clusterip.html");
        WebElement sre = driver.findElement(By.cssSelector(".pager-switch button[data-path=sre]"));
        assertTrue(sre.isDisplayed());
        assertFalse(driver.findElement(By.cssSelector(".pager-switch button[data-path=top-down]")).isDisplayed(), "no button for the path shown");
        sre.click();
        assertPager("2 of 7 on SRE drills", "01-kind-cluster.html", "03-clusterip.html");

        open("12-checkout-drill.html");
        assertPager("7 of 7 on SRE drills", "10-troubleshooting.html", null);
        open("08-cni-pod-routing.html"); // not on the SRE path: its default, and the choice stays
        assertPager("8 of 11 on Top-down", "07-networkpolicy.html", "09-kube-proxy.html");
        assertEquals("sre", driver.executeScript("return localStorage.getItem('kubelessons-path');"));
    }

    @Test
    void withoutJavaScriptEveryPathsPagerIsInThePage() {
        String html = SiteTestSupport.read(course.site.resolve("08-cni-pod-routing.html"));
        assertTrue(html.contains("8 of 11 on Top-down") && html.contains("2 of 13 on Bottom-up"), "both pagers, labelled");
        assertFalse(html.contains("#20") || html.contains("#80"), "no sort keys");
    }

    private static void open(String page) {
        driver.get(course.site.resolve(page).toUri().toString());
    }

    private static WebElement visiblePager() {
        List<WebElement> shown = driver.findElements(By.cssSelector(".pager-path")).stream().filter(WebElement::isDisplayed).toList();
        assertEquals(1, shown.size(), "one pager shows");
        return shown.get(0);
    }

    private static void assertPager(String label, String previous, String next) {
        WebElement pager = visiblePager();
        assertEquals(label, pager.findElement(By.className("pager-position")).getText());
        assertEquals(previous, href(pager, "prev"));
        assertEquals(next, href(pager, "next"));
    }

    private static String href(WebElement pager, String rel) {
        List<WebElement> links = pager.findElements(By.cssSelector("a[rel=" + rel + "]"));
        return links.isEmpty() ? null : links.get(0).getDomAttribute("href");
    }
}
