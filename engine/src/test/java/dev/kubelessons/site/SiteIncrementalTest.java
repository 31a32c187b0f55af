package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: under --serve a changed lesson rewrites only its page, the pages whose links to it
 * changed, the index (if its card there changed) and the search index; and what is on disk then is exactly what a full build
 * of the same lessons writes. Reading order of the fixture: 02, 03, 01 (top-down); 03 needs 02.
 */
class SiteIncrementalTest {

    @Test
    void aChangedLessonRewritesItsPageTheNeighboursWhoseLinksChangedTheIndexIfItsCardChangedAndTheSearchIndex(@TempDir Path tmp) throws Exception {
        Path lessons = tmp.resolve("lessons");
        SiteTestSupport.copyTree(SiteTestSupport.course(), lessons);
        Path site = tmp.resolve("site");
        SiteBuild build = new SiteBuild(lessons, SiteTestSupport.templates(), site);
        build.run();

        // The body of 01 only: no other page shows it, nor does its card on the index.
        Path first = lessons.resolve("01-kind-nodes.md");
        Files.writeString(first, Files.readString(first).replace("A kind cluster runs each", "Edited: a kind cluster runs each"));
        SiteBuild.Update update = build.update(Set.of(first));
        assertFalse(update.full());
        assertEquals(Set.of("01-kind-nodes.html", "search-index.js"), names(update));
        assertTrue(SiteTestSupport.read(site.resolve("01-kind-nodes.html")).contains("Edited: a kind cluster"));
        assertSameAsFullBuild(lessons, site, tmp.resolve("full-1"));

        // The title of 02: 03 links to it (previous on both paths, prerequisite), 01 as next on bottom-up.
        Path second = lessons.resolve("02-deployments.md");
        Files.writeString(second, Files.readString(second).replace("title: Deployments and pods", "title: Deployments, renamed"));
        assertEquals(Set.of("01-kind-nodes.html", "02-deployments.html", "03-clusterip.html", "index.html", "search-index.js"),
                names(build.update(Set.of(second))));
        assertTrue(SiteTestSupport.read(site.resolve("03-clusterip.html")).contains("Deployments, renamed"));
        assertSameAsFullBuild(lessons, site, tmp.resolve("full-2"));

        // A new lesson on the top-down path only: its page, and every page on that path ("n of 4", 01 gets a next link);
        // deleted again, they all go back.
        Path extra = lessons.resolve("04-extra.md");
        Files.writeString(extra, Files.readString(first).replace("id: 01-kind-nodes", "id: 04-extra").replace("{top-down: 3, bottom-up: 1}", "{top-down: 4}"));
        Set<String> topDown = Set.of("01-kind-nodes.html", "02-deployments.html", "03-clusterip.html", "04-extra.html", "index.html", "search-index.js");
        assertEquals(topDown, names(build.update(Set.of(extra))));
        assertSameAsFullBuild(lessons, site, tmp.resolve("full-3"));
        Files.delete(extra);
        assertEquals(topDown, names(build.update(Set.of(extra))));
        assertFalse(Files.exists(site.resolve("04-extra.html")));
        assertSameAsFullBuild(lessons, site, tmp.resolve("full-4"));
    }

    @Test
    void aBrokenEditLeavesTheLastGoodSiteAndTheNextFixRebuildsIt(@TempDir Path tmp) throws Exception {
        Path lessons = tmp.resolve("lessons");
        SiteTestSupport.copyTree(SiteTestSupport.course(), lessons);
        Path site = tmp.resolve("site");
        SiteBuild build = new SiteBuild(lessons, SiteTestSupport.templates(), site);
        build.run();
        Map<String, String> good = SiteTestSupport.snapshot(site);

        Path lesson = lessons.resolve("03-clusterip.md");
        String text = Files.readString(lesson);
        Files.writeString(lesson, text.replace("duration: 25m", "duration: soon"));
        SiteBuildException failed = assertThrows(SiteBuildException.class, () -> build.update(Set.of(lesson)));
        assertEquals(1, failed.problems().size(), failed.problems().toString());
        assertEquals(good, SiteTestSupport.snapshot(site));

        Files.writeString(lesson, text.replace("A ClusterIP Service gives", "Fixed: a ClusterIP Service gives"));
        assertFalse(build.update(Set.of(lesson)).full());
        assertSameAsFullBuild(lessons, site, tmp.resolve("full"));
    }

    @Test
    void aTemplateChangeRebuildsEverything(@TempDir Path tmp) throws Exception {
        Path templates = tmp.resolve("templates");
        SiteTestSupport.copyTree(SiteTestSupport.templates(), templates);
        SiteBuild build = new SiteBuild(SiteTestSupport.course(), templates, tmp.resolve("site"));
        build.run();
        assertTrue(build.update(Set.of(templates.resolve("lesson.ftlh"))).full());
    }

    private static Set<String> names(SiteBuild.Update update) {
        return update.rewritten().stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertSameAsFullBuild(Path lessons, Path site, Path fresh) {
        SiteTestSupport.build(lessons, fresh);
        assertEquals(SiteTestSupport.snapshot(fresh), SiteTestSupport.snapshot(site), "the incremental site differs from a full build");
    }
}
