package dev.kubelessons.site;

import dev.kubelessons.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;

/** The course's real site, built into a test's folder, and headless Chromium to read it: the audits of issue 14 share it. */
final class CourseSiteInChromium implements AutoCloseable {

    final Path site;
    final ChromeDriver driver;

    private CourseSiteInChromium(Path site, ChromeDriver driver) {
        this.site = site;
        this.driver = driver;
    }

    static CourseSiteInChromium open(Path tmp, int width, int height) throws IOException {
        Path site = tmp.resolve("site");
        SiteTestSupport.build(Fixtures.repositoryRoot().resolve("lessons"), site);
        return new CourseSiteInChromium(site, dev.kubelessons.HeadlessChromium.start(tmp, width, height));
    }

    /** Every HTML page of the site, in name order. */
    List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
