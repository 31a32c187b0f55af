package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that fails, for any reason, leaves the previous site byte-identical and no temporary folders behind. */
class SiteAtomicityTest {

    @TempDir
    Path tmp;
    Path out;
    Map<String, String> before;

    @BeforeEach
    void buildAGoodSite() {
        out = tmp.resolve("site");
        SiteTestSupport.build(SiteTestSupport.course(), out);
        before = SiteTestSupport.snapshot(out);
    }

    @Test
    void aTemplateSyntaxErrorLeavesThePreviousSite() throws IOException {
        Path templates = tmp.resolve("templates");
        SiteTestSupport.copyTree(SiteTestSupport.templates(), templates);
        Files.writeString(templates.resolve("lesson.ftlh"), "<#if page.lesson>\nunclosed\n");

        SiteBuildException e = assertThrows(SiteBuildException.class,
                () -> new SiteBuild(SiteTestSupport.course(), templates, out).run());
        assertTrue(e.getMessage().contains("lesson.ftlh:"), "the error names the template: " + e.getMessage());
        assertUntouched();
    }

    @Test
    void aTemplateRuntimeErrorLeavesThePreviousSite() throws IOException {
        Path templates = tmp.resolve("templates");
        SiteTestSupport.copyTree(SiteTestSupport.templates(), templates);
        // index.ftlh renders first and succeeds; the lesson page fails halfway through the build.
        Files.writeString(templates.resolve("lesson.ftlh"), "<p>${page.noSuchField}</p>\n");

        SiteBuildException e = assertThrows(SiteBuildException.class,
                () -> new SiteBuild(SiteTestSupport.course(), templates, out).run());
        assertTrue(e.getMessage().contains("lesson.ftlh:1"), "the error names the template and line: " + e.getMessage());
        assertUntouched();
    }

    @Test
    void aMissingTemplatesFolderLeavesThePreviousSite() {
        SiteBuildException e = assertThrows(SiteBuildException.class,
                () -> new SiteBuild(SiteTestSupport.course(), tmp.resolve("no-templates"), out).run());
        assertTrue(e.getMessage().contains("no templates folder"), e.getMessage());
        assertUntouched();
    }

    @Test
    void lessonProblemsFailTheBuildWithTheProblems() {
        SiteBuildException e = assertThrows(SiteBuildException.class,
                () -> SiteTestSupport.build(Fixtures.fixture("site-broken"), out));
        assertFalse(e.problems().isEmpty());
        assertTrue(e.problems().get(0).format().contains("01-broken.md:3:"), e.problems().get(0).format());
        assertUntouched();
    }

    @Test
    void theCommandExitsTwoAndPrintsTheProblems() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("site", "--lessons", Fixtures.fixture("site-broken").toString(), "--out", out.toString());
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, printed);
        assertTrue(printed.contains("01-broken.md:3:8: YAML does not parse"), printed);
        assertTrue(printed.contains("the site was not rebuilt"), printed);
        assertFalse(printed.contains("\tat "), "no stack trace: " + printed);
        assertUntouched();
    }

    @Test
    void anEmptyLessonsFolderIsRefusedWithExitTwoUnlessAllowed() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("no-lessons"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("site", "--lessons", empty.toString(), "--out", out.toString());
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, printed);
        assertTrue(printed.contains("no lessons in " + empty.toAbsolutePath().normalize() + ", so the site would be empty"), printed);
        assertTrue(printed.contains("--allow-empty"), printed);
        assertUntouched();

        assertEquals(0, Main.run("site", "--lessons", empty.toString(), "--out", out.toString(), "--allow-empty"));
        assertTrue(Files.exists(out.resolve("index.html")), "asked for: an empty site");
    }

    @Test
    void aFolderThatIsNotASiteIsNeverReplaced() throws IOException {
        Path precious = Files.createDirectories(tmp.resolve("precious"));
        Files.writeString(precious.resolve("notes.txt"), "keep me");

        SiteBuildException e = assertThrows(SiteBuildException.class, () -> SiteTestSupport.build(SiteTestSupport.course(), precious));
        assertTrue(e.getMessage().contains("not made by 'jbang lesson site'"), e.getMessage());
        assertEquals("keep me", Files.readString(precious.resolve("notes.txt")));
    }

    @Test
    void aSuccessfulRebuildReplacesTheWholeFolder() throws IOException {
        Files.writeString(out.resolve("stale.html"), "from an old build");
        SiteTestSupport.build(SiteTestSupport.course(), out);
        assertEquals(before, SiteTestSupport.snapshot(out), "the rebuilt site holds exactly the new files");
        assertNoLeftovers();
    }

    private void assertUntouched() {
        assertEquals(before, SiteTestSupport.snapshot(out), "the previous site changed");
        assertNoLeftovers();
    }

    private void assertNoLeftovers() {
        try (Stream<Path> siblings = Files.list(tmp)) {
            List<String> temporary = siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site.")).toList();
            assertEquals(List.of(), temporary, "temporary build folders left behind");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
