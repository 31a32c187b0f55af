package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import dev.kubelessons.failure.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lesson new} through the real command line: where it cannot write, what it tells the user to type next. */
class NewCommandTest {

    @TempDir
    Path tmp;

    private CliProcess.Run run(String... args) throws Exception {
        return new CliProcess(Map.of("KUBELESSONS_ENGINE_CATALOG", "/engine/jbang-catalog.json")).run(args);
    }

    @Test
    void aFolderBelowAFileIsBadInputNamingThatFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "not a folder");
        CliProcess.Run run = run("new", file.resolve("sub").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.both());
        assertTrue(run.err().contains("error: cannot write the course to " + file.resolve("sub") + ": " + file + " is a file, not a folder"), run.both());
        assertTrue(run.err().contains("next: name a folder you can create and write to"), run.both());
        assertFalse(run.err().contains("internal error"), run.both());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.both());
    }

    @Test
    void aFolderTheSystemRefusesIsBadInput() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        CliProcess.Run run = run("new", "/proc/newcourse");
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.both());
        assertTrue(run.err().contains("error: cannot write the course to /proc/newcourse: /proc/newcourse cannot be created there"), run.both());
        assertTrue(run.err().contains("next: "), run.both());
    }

    @Test
    void verboseIsAcceptedAndShowsTheStackTrace() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "not a folder");
        CliProcess.Run run = run("new", file.resolve("sub").toString(), "--verbose");
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.both());
        assertFalse(run.err().contains("Unknown option"), run.both());
        assertTrue(run.err().contains("is a file, not a folder"), run.both());
        assertTrue(run.err().contains("\tat "), "--verbose shows the stack trace: " + run.both());
    }

    @Test
    void theNextStepIsALineAShellRunsFromWhereNewRan() throws Exception {
        // A stand-in for the ./jbang wrapper, named by a relative path as a learner in its clone types it: it logs where it ran.
        Path log = tmp.resolve("ran.log");
        Path wrapper = Files.writeString(tmp.resolve("my-wrapper"), "#!/bin/sh\necho \"$PWD: $*\" >> '" + log + "'\n");
        wrapper.toFile().setExecutable(true);
        Path here = Path.of("").toAbsolutePath();
        String relative = here.relativize(wrapper).toString();
        Path course = tmp.resolve("my course");
        CliProcess.Run run = new CliProcess(Map.of("KUBELESSONS_ENGINE_CATALOG", "/engine/jbang-catalog.json", "KUBELESSONS_LAUNCHER", relative))
                .run("new", course.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.both());
        String next = run.out().lines().filter(line -> line.startsWith("next: ")).findFirst().orElseThrow(() -> new AssertionError(run.both()));
        assertFalse(next.contains(" jbang lesson"), "names the command the user typed: " + next);

        Process shell = new ProcessBuilder("sh", "-c", next.substring("next: ".length())).directory(here.toFile()).inheritIO().start();
        assertEquals(0, shell.waitFor(), "the line runs in a shell: " + next);
        assertEquals(course + ": lesson lint\n" + course + ": lesson verify --all\n", Files.readString(log), next);
    }
}
