package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The step list of a long lesson on the course's real site in Chromium (issue 14): a sidebar beside the text on a wide
 * screen, folded at the top on a phone; progress counts the steps the learner ticked (remembered across visits) and the
 * steps the live page marks done.
 */
class StepListTest {

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

    @AfterEach
    void forget() {
        driver.executeScript("localStorage.clear();");
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    void onAWideScreenTheStepsAreASidebarAndTicksCountAsProgress() {
        open("03-clusterip.html");
        WebElement nav = driver.findElement(By.cssSelector("nav.steps-nav"));
        assertTrue(nav.findElement(By.tagName("ol")).isDisplayed(), "open on a wide screen");
        assertTrue(nav.getRect().getX() + nav.getRect().getWidth() <= driver.findElement(By.tagName("h1")).getRect().getX(),
                "left of the text, not above it");
        List<WebElement> links = nav.findElements(By.cssSelector("a[data-step]"));
        assertEquals(3, links.size());
        assertEquals("0 of 3 done", progress());

        String second = links.get(1).getDomAttribute("data-step");
        WebElement tick = driver.findElement(By.cssSelector(".step-done input[data-step='" + second + "']"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", tick);
        tick.click();
        assertEquals("1 of 3 done", progress());
        assertEquals(List.of(false, true, false), done());

        open("03-clusterip.html"); // remembered
        assertEquals("1 of 3 done", progress());
        assertTrue(driver.findElement(By.cssSelector(".step-done input[data-step='" + second + "']")).isSelected());

        // The live page marks a step whose checks all pass: it counts as done too.
        driver.executeScript("document.querySelectorAll('section.step')[0].setAttribute('data-done', 'true');");
        assertEquals("2 of 3 done", progress());
        assertEquals(List.of(true, true, false), done());
    }

    @Test
    void onAPhoneTheListIsFoldedAtTheTopAndFoldsAwayOnceUsed() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        open("03-clusterip.html");
        WebElement nav = driver.findElement(By.cssSelector("nav.steps-nav"));
        WebElement list = nav.findElement(By.tagName("ol"));
        assertFalse(list.isDisplayed(), "folded on a phone");
        assertTrue(nav.getRect().getY() < driver.findElement(By.cssSelector("section.step")).getRect().getY(), "above the first step");
        nav.findElement(By.tagName("summary")).click();
        assertTrue(list.isDisplayed());
        WebElement third = nav.findElements(By.cssSelector("a[data-step]")).get(2);
        String anchor = third.getDomAttribute("data-step");
        third.click();
        assertTrue(driver.getCurrentUrl().endsWith("#" + anchor), driver.getCurrentUrl());
        assertFalse(list.isDisplayed(), "folds away once a step is chosen");
    }

    @Test
    void aLessonOfOneStepHasNoList() {
        open("12-checkout-drill.html");
        assertTrue(driver.findElements(By.cssSelector("nav.steps-nav")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector(".step-done")).isEmpty());
    }

    private static void open(String page) {
        driver.get(course.site.resolve(page).toUri().toString());
    }

    private static String progress() {
        return driver.findElement(By.cssSelector(".steps-progress")).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<Boolean> done() {
        return (List<Boolean>) driver.executeScript("return [...document.querySelectorAll('.steps-toc li')].map(li => li.classList.contains('done'));");
    }
}
