package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the fixture course and compares every page with golden/site/. After an intended
 * change to templates or rendering, rewrite them with -Dgolden.update=true and review the diff.
 */
class SiteGoldenTest {

    private static final List<String> PAGES = List.of(
            "index.html", "01-kind-nodes.html", "02-deployments.html", "03-clusterip.html", "search-index.js");

    @Test
    void pagesMatchTheGoldenFiles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("site");
        SiteBuild.Result result = SiteTestSupport.build(SiteTestSupport.course(), out);

        assertEquals(3, result.lessons());
        assertEquals(4, result.pages());
        for (String page : PAGES) {
            Fixtures.assertGolden("site/" + page, SiteTestSupport.read(out.resolve(page)));
        }
        try (Stream<Path> written = Files.list(out)) {
            List<String> html = written.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
            assertEquals(PAGES.stream().filter(n -> n.endsWith(".html")).sorted().toList(), html, "one page per lesson plus the index");
        }
    }

    @Test
    void buildsAreDeterministic(@TempDir Path tmp) {
        SiteTestSupport.build(SiteTestSupport.course(), tmp.resolve("a"));
        SiteTestSupport.build(SiteTestSupport.course(), tmp.resolve("b"));
        assertEquals(SiteTestSupport.snapshot(tmp.resolve("a")), SiteTestSupport.snapshot(tmp.resolve("b")));
    }

    @Test
    void assetsAreLocalAndLinksRelative(@TempDir Path tmp) {
        Path out = tmp.resolve("site");
        SiteTestSupport.build(SiteTestSupport.course(), out);

        for (String asset : List.of("favicon.svg", "site.css", "site.js", "theme.js", "hljs/core.min.js", "hljs/bash.min.js", "hljs-light.css", "hljs-dark.css", "lunr.min.js")) {
            assertTrue(Files.isRegularFile(out.resolve("assets").resolve(asset)), "missing asset " + asset);
        }
        for (String page : PAGES) {
            String text = SiteTestSupport.read(out.resolve(page));
            // No absolute or remote URLs: the site must work from file://, any folder of a static host, and offline.
            assertTrue(!text.matches("(?s).*(src|href)=\"(/|[a-z]+:|//).*"), page + " has a link that is not relative");
            assertTrue(!text.contains("__livereload"), page + " has the live-reload script outside --serve");
        }
    }
}
