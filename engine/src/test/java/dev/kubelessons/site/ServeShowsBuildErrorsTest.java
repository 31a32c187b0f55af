package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14: under {@code site --serve} a rebuild that fails is shown in the open page as well as in the terminal, as
 * text (an error that quotes markup does not become markup), and goes away with the next good build.
 */
class ServeShowsBuildErrorsTest {

    @Test
    void aFailedRebuildShowsInTheOpenPageUntilTheNextGoodOne(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        SiteTestSupport.build(SiteTestSupport.course(), out);
        ChromeDriver driver = dev.kubelessons.HeadlessChromium.start(tmp, 1280, 900);
        try (SiteServer server = new SiteServer(out, 0)) {
            server.start();
            driver.get(server.url() + "03-clusterip.html");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

            server.buildFailed("lessons/03-clusterip.md:12:3: YAML does not parse <b>near here</b>");
            var banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kl-build-error")));
            assertTrue(banner.getText().contains("The site was not rebuilt; this page is the last good build."), banner.getText());
            assertTrue(banner.getText().contains("03-clusterip.md:12:3: YAML does not parse <b>near here</b>"), "shown as text: " + banner.getText());
            assertEquals("alert", banner.getAttribute("role"));
            assertEquals(0, driver.findElements(By.cssSelector("#kl-build-error b")).size(), "never as markup");

            server.siteChanged();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("kl-build-error")));
        } finally {
            driver.quit();
        }
    }
}
