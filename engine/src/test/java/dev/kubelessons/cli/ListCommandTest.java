package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list} as a course overview: progress per path, the next lesson, marks that tell how a lesson was finished, and the width kept. */
class ListCommandTest {

    @TempDir
    Path state;

    @Test
    void showsProgressPerPathAndFitsANarrowTerminal() throws Exception {
        // An old-format entry (finishedAt only) still reads as done; the new fields tell kwok and the runner apart.
        Files.writeString(state.resolve("progress.json"), """
                {"schemaVersion": 1, "lessons": {
                  "01-kind-cluster": {"passedChecks": ["a"], "finishedAt": "2026-01-01T00:00:00Z"},
                  "02-deployments": {"passedChecks": ["a"], "finishedAt": "2026-01-01T00:00:00Z", "unprovenChecks": 3, "finishedOn": "kwok"},
                  "03-clusterip": {"passedChecks": ["service-exists"], "finishedAt": "2026-01-01T00:00:00Z", "finishedBy": "runner"}
                }}
                """);
        CliProcess cli = new CliProcess(Map.of("KUBELESSONS_STATE", state.toString(), "COLUMNS", "72"));
        CliProcess.Run run = cli.run("list");
        assertEquals(0, run.exit(), run.both());
        String out = run.out();
        for (String line : out.split("\n")) {
            assertTrue(line.length() <= 72, "wider than 72 columns: '" + line + "'\n" + out);
        }
        assertTrue(out.contains("[x] 01-kind-cluster"), out);
        assertTrue(out.contains("[k] 02-deployments"), out);
        assertTrue(out.contains("3 unproven"), out);
        assertTrue(out.contains("[r] 03-clusterip"), out);
        assertTrue(out.contains("2 of 11 done (1 on kwok) · next: 03-clusterip"), out);
    }

    @Test
    void theStartSuggestionNamesTheCourseWhenItWasGivenOrIsNotFoundFromHere() throws Exception {
        Path course = dev.kubelessons.Fixtures.repositoryRoot().toAbsolutePath().normalize();
        CliProcess.Run run = new CliProcess(Map.of("KUBELESSONS_STATE", state.toString(), "COLUMNS", "200")).run("list", "--course", course.toString());
        assertEquals(0, run.exit(), run.both());
        assertTrue(run.out().contains("Start one with: ") && run.out().contains(" lesson <id> --course " + course), run.out());
        assertEquals(" --course " + course, ListCommand.courseOption(null, course, java.util.Optional.empty()), "not found from here");
        assertEquals(" --course " + course, ListCommand.courseOption(null, course, java.util.Optional.of(state)), "another course found here");
        assertEquals("", ListCommand.courseOption(null, course, java.util.Optional.of(course)), "the course found from here");
    }
}
