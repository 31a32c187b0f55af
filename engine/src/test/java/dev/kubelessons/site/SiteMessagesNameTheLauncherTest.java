package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import dev.kubelessons.Fixtures;
import dev.kubelessons.failure.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's refusals tell the user what to run with the command they typed (the wrapper, here), never a 'jbang' they may not have. */
class SiteMessagesNameTheLauncherTest {

    @TempDir
    Path tmp;

    private final CliProcess cli = new CliProcess(Map.of("KUBELESSONS_LAUNCHER", "./jbang"));

    @Test
    void lessonsWithProblems() throws Exception {
        CliProcess.Run run = cli.run("site", "--lessons", Fixtures.fixture("site-broken").toString(), "--out", tmp.resolve("site").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.both());
        assertTrue(run.err().contains("next: fix them ('./jbang lesson lint' lists them too)"), run.both());
    }

    @Test
    void aDiagramThatDoesNotParse() throws Exception {
        Path course = Files.createDirectories(tmp.resolve("course/lessons"));
        Files.copy(Fixtures.resources().resolve("fixtures/course.yaml"), course.resolveSibling("course.yaml"));
        // Only the PlantUML syntax error of broken-course/13-bad-diagram.md: the loader takes it, the drawing does not.
        String lesson = Files.readString(Fixtures.fixture("broken-course").resolve("13-bad-diagram.md"));
        lesson = lesson.substring(0, lesson.indexOf("```plantuml diagram\n' title: A diagram without words"))
                + lesson.substring(lesson.indexOf("```yaml check"));
        Files.writeString(course.resolve("13-bad-diagram.md"), lesson);
        CliProcess.Run run = cli.run("site", "--lessons", course.toString(), "--out", tmp.resolve("site").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.both());
        assertTrue(run.err().contains("1 diagram in 13-bad-diagram.md does not parse"), run.both());
        assertTrue(run.err().contains("next: fix them ('./jbang lesson lint' lists them too)"), run.both());
    }

    @Test
    void anOutputFolderItDidNotMake() throws Exception {
        Path precious = Files.createDirectories(tmp.resolve("precious"));
        Files.writeString(precious.resolve("notes.txt"), "keep me");
        CliProcess.Run run = cli.run("site", "--lessons", SiteTestSupport.course().toString(), "--out", precious.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.both());
        assertTrue(run.err().contains("was not made by './jbang lesson site'"), run.both());
        assertFalse(run.err().contains(" jbang lesson"), run.both());
    }
}
