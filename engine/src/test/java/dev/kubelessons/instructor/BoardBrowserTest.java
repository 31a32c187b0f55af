package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.Kubectl;
import dev.kubelessons.runner.ManifestApplier;
import dev.kubelessons.runner.SolutionRunner;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board in headless Chromium (Debian's chromium + chromedriver, launched as SiteBrowserTest does): sign in, then a
 * cell turns green, pushed over SSE, when the attendee's lesson is solved through the API. Fails (never skips) without a browser.
 */
@KwokCluster
class BoardBrowserTest {


    @Test
    void aCellTurnsGreenWhenTheAttendeesChecksPass(KubernetesClient admin, ClusterAccess access, @TempDir Path tmp) throws Exception {
        Lesson lesson = WorkshopFixture.lesson("02-deployments");
        String attendee = WorkshopFixture.names("gia").get(0);
        WorkshopFixture.provision(admin, access, List.of(attendee), List.of(lesson), tmp);
        ChromeDriver driver = null;
        try (BoardFixture board = new BoardFixture(admin, access, List.of(lesson), List.of())) {
            driver = dev.kubelessons.HeadlessChromium.start(tmp, 1400, 900);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            driver.get(board.service.url());
            assertTrue(driver.getCurrentUrl().endsWith("/login"), driver.getCurrentUrl());
            driver.findElement(By.id("token")).sendKeys(board.tokens.instructor());
            driver.findElement(By.cssSelector(".board-login button[type=submit]")).click();
            wait.until(d -> d.findElements(By.id("board")).size() == 1);
            assertTrue(driver.getTitle().startsWith("Workshop board"), driver.getTitle());
            wait.until(d -> "live".equals(d.findElement(By.id("live")).getAttribute("data-state")));

            By linkBy = By.cssSelector("th.lesson-col[data-lesson='" + lesson.id() + "'] .solution-link");
            assertFalse(driver.findElement(linkBy).isDisplayed(), "the column's CSS must not show a solution link before it is revealed");
            driver.findElement(By.cssSelector("th.lesson-col[data-lesson='" + lesson.id() + "'] button.reveal")).click();
            wait.until(d -> d.findElement(linkBy).isDisplayed());

            By cellBy = By.cssSelector("td.cell[data-key='" + attendee + "/" + lesson.id() + "']");
            wait.until(d -> "none".equals(d.findElement(cellBy).getAttribute("data-state")));
            String before = driver.findElement(cellBy).findElement(By.className("score")).getText();
            assertTrue(before.startsWith("0/"), before);
            String colourBefore = driver.findElement(cellBy).getCssValue("background-color");

            // The attendee's work, done through the API: the lesson's reference solution in their namespace.
            new SolutionRunner(new ManifestApplier(admin), () -> Kubectl.locate(access)).solve(lesson, WorkshopNames.lesson(attendee, lesson.id()));

            wait.until(d -> "done".equals(d.findElement(cellBy).getAttribute("data-state")));
            WebElement cell = driver.findElement(cellBy);
            String score = cell.findElement(By.className("score")).getText();
            assertEquals(score.substring(score.indexOf('/') + 1), score.substring(0, score.indexOf('/')), "every counted check passes: " + score);
            String colourAfter = cell.getCssValue("background-color");
            assertTrue(!colourAfter.equals(colourBefore), "the cell changed colour: " + colourBefore + " -> " + colourAfter);
            assertTrue(green(colourAfter), "green: " + colourAfter);
            int closedWidth = cell.getSize().getWidth();
            cell.click();
            By checksBy = By.cssSelector("#cell-panel .panel-checks");
            wait.until(d -> d.findElement(checksBy).getText().contains("my-nginx asks for two replicas of nginx:1.27"));
            String details = driver.findElement(checksBy).getText();
            assertFalse(details.contains("object.") || details.contains("two-replicas-of-nginx"), "no CEL, no ids: " + details);
            assertEquals(closedWidth, cell.getSize().getWidth(), "the open panel keeps the grid's shape");

            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertEquals("", severe.stream().map(LogEntry::getMessage).collect(Collectors.joining("\n")), "errors in the browser console");
        } finally {
            if (driver != null) {
                driver.quit();
            }
            new Teardown(admin).remove(List.of(attendee), false);
        }
    }

    /** rgb(r, g, b), rgba(...) or color(srgb r g b) (what color-mix() computes to) with green the strongest channel. */
    private static boolean green(String css) {
        String[] parts = css.replaceAll("^[a-z]+\\((srgb )?|\\)$", "").split("[ ,/]+");
        double r = Double.parseDouble(parts[0]);
        double g = Double.parseDouble(parts[1]);
        double b = Double.parseDouble(parts[2]);
        return g > r && g > b;
    }
}
