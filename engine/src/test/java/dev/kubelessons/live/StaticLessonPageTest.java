package dev.kubelessons.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.site.SiteBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static site's lesson page has no live parts and names the command that makes it live; only the live server adds them. */
class StaticLessonPageTest {

    @TempDir
    Path tmp;

    @Test
    void theStaticPageNamesTheCommandAndOnlyTheLiveServerConnectsIt() throws Exception {
        Path site = tmp.resolve("site");
        new SiteBuild(Fixtures.repositoryRoot().resolve("lessons"), Fixtures.repositoryRoot().resolve("templates"), site).run();
        String page = Files.readString(site.resolve("03-clusterip.html"));
        assertTrue(page.contains("<p class=\"live-off\" id=\"live-off\">The checks on this page are not live."), "the static note");
        assertTrue(page.contains("run <code>jbang lesson 03-clusterip --web</code>"), "the exact command");
        assertFalse(page.contains("live.js") || page.contains("kubelessons-live"), "no live script on the static site");
        assertTrue(Files.isRegularFile(site.resolve("assets/live.js")), "the live script ships with the site, for the live server");

        String live = LivePage.of(page, "03-clusterip", "abc_DEF-123");
        assertTrue(live.contains("<meta name=\"kubelessons-live\" content=\"abc_DEF-123\" data-lesson=\"03-clusterip\">"
                + "<link rel=\"stylesheet\" href=\"assets/live.css\"></head>"), "token and styles in the head");
        assertTrue(live.endsWith("<script src=\"assets/live.js\"></script></body>\n</html>\n") || live.contains("<script src=\"assets/live.js\"></script></body>"));
        assertEquals(1, live.split("assets/live.js", -1).length - 1);
    }

    @Test
    void aDrillPageSendsTheLearnerToTheTerminalNotToWeb() throws Exception {
        Path site = tmp.resolve("site");
        new SiteBuild(Fixtures.repositoryRoot().resolve("lessons"), Fixtures.repositoryRoot().resolve("templates"), site).run();
        for (String drill : new String[] {"12-checkout-drill", "15-cluster-drill"}) {
            String note = liveOff(Files.readString(site.resolve(drill + ".html")));
            // 'jbang lesson <drill> --web' exits 2: "--web does not run drills".
            assertFalse(note.contains("--web"), drill + " offers a live page it cannot have: " + note);
            assertTrue(note.contains("drills run in the terminal") && note.contains("<code>jbang lesson " + drill + "</code>"), note);
        }
    }

    private static String liveOff(String page) {
        int start = page.indexOf("<p class=\"live-off\"");
        return page.substring(start, page.indexOf("</p>", start));
    }

    @Test
    void eventFramesCarryMultiLineJsonExactly() {
        assertEquals("data: {\ndata:   \"a\" : 1\ndata: }\n\n", EventChannel.frame("message", "{\n  \"a\" : 1\n}\n"));
        assertEquals("event: cluster\ndata: {\"reachable\":false}\n\n", EventChannel.frame("cluster", "{\"reachable\":false}"));
    }
}
