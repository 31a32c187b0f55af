package dev.kubelessons.cli;

import dev.kubelessons.Fixtures;
import dev.kubelessons.failure.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input and missing prerequisites through the real command line: a clear message, the next step, the contract's exit code, no stack trace. */
class CliErrorsTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aLessonThatFailsLintIsRefusedWithItsProblemsAndExitTwo() {
        Run run = run("05-bad-cel", "--check", "--lessons", Fixtures.fixture("broken-course").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.err());
        assertTrue(run.err().contains("05-bad-cel.md:15:"), run.err());
        assertTrue(run.err().contains("next: fix them"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void anUnknownLessonSuggestsTheNearestId() {
        Run run = run("03-clusterp", "--check");
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.err());
        assertTrue(run.err().contains("did you mean '03-clusterip'?"), run.err());
    }

    @Test
    void aMissingKubeconfigContextIsAPrerequisiteError() throws Exception {
        Path kubeconfig = Files.writeString(tmp.resolve("empty-kubeconfig"), "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n");
        String previous = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", kubeconfig.toString());
        try {
            Run run = run("03-clusterip", "--check", "--cluster", "context:nowhere");
            assertEquals(ExitCodes.PREREQUISITE, run.exit(), run.err());
            assertTrue(run.err().contains("no context 'nowhere'"), run.err());
            assertTrue(run.err().contains("next: "), run.err());
        } finally {
            if (previous == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", previous);
            }
        }
    }

    @Test
    void aBadFlagIsExitTwo() {
        assertEquals(ExitCodes.BAD_INPUT, run("03-clusterip", "--format", "yaml", "--check").exit());
        assertEquals(ExitCodes.BAD_INPUT, run("verify", "--repeat", "0", "--all").exit());
        assertEquals(ExitCodes.BAD_INPUT, run("verify").exit());
    }

    @Test
    void webFlagsAreCheckedBeforeTheClusterIsTouched() {
        Run noOpen = run("03-clusterip", "--no-open");
        assertEquals(ExitCodes.BAD_INPUT, noOpen.exit(), noOpen.err());
        assertTrue(noOpen.err().contains("--no-open goes with --web"), noOpen.err());
        Run oneShot = run("03-clusterip", "--web", "--check");
        assertEquals(ExitCodes.BAD_INPUT, oneShot.exit(), oneShot.err());
        Run port = run("03-clusterip", "--web", "--port", "70000");
        assertEquals(ExitCodes.BAD_INPUT, port.exit(), port.err());
        assertTrue(port.err().contains("--port 70000 is not a port number"), port.err());
        Run drill = run("12-checkout-drill", "--web", "--no-open");
        assertEquals(ExitCodes.BAD_INPUT, drill.exit(), drill.err());
        assertTrue(drill.err().contains("--web does not run drills"), drill.err());
    }

    @Test
    void aLessonTooLargeToReadIsBadInputAtItsFirstLineNotACrash() throws Exception {
        Path lessons = Files.createDirectories(tmp.resolve("lessons"));
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(lessons.resolve("16-huge.md").toFile(), "rw")) {
            huge.setLength(3L << 30); // sparse; reading it whole was an OutOfMemoryError, exit 1 with the JVM's trace
        }
        Run run = run("lint", "--lessons", lessons.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run.err());
        assertTrue(run.err().contains("16-huge.md:1:1: the lesson is 3145728 KiB, over the limit of 1024 KiB"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void aLessonTooLargeToReadLeavesListWorkingAndSiteRefusingInTheirOwnProcesses() throws Exception {
        Path lessons = Fixtures.copyRealLessons(tmp.resolve("lessons"));
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(lessons.resolve("16-huge.md").toFile(), "rw")) {
            huge.setLength(3L << 30); // sparse: both read it whole to parse it, an OutOfMemoryError
        }
        dev.kubelessons.CliProcess cli = new dev.kubelessons.CliProcess(java.util.Map.of(
                "KUBELESSONS_STATE", tmp.resolve("state").toString(), "KUBELESSONS_CACHE", tmp.resolve("cache").toString()));
        dev.kubelessons.CliProcess.Run list = cli.run("list", "--lessons", lessons.toString());
        assertEquals(ExitCodes.OK, list.exit(), list.both());
        assertTrue(list.out().contains("03-clusterip"), list.both());
        assertTrue(list.both().contains("1 lesson problem(s)"), list.both());
        dev.kubelessons.CliProcess.Run site = cli.run("site", "--lessons", lessons.toString(), "--out", tmp.resolve("site").toString());
        assertEquals(ExitCodes.BAD_INPUT, site.exit(), site.both());
        assertTrue(site.err().contains("16-huge.md:1:1: the lesson is 3145728 KiB, over the limit"), site.both());
        assertFalse(site.err().contains("\tat "), "no stack trace: " + site.both());
    }

    /** A command that fails the way the JVM fails: with an Error, which picocli's exception handlers never see. */
    @picocli.CommandLine.Command(name = "overflow")
    static final class Overflow implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new StackOverflowError();
        }
    }

    @Test
    void anErrorInACommandIsAnInternalErrorInOneLineWithExitFour() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = new picocli.CommandLine(new Overflow());
        cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = Main.execute(cli);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.INTERNAL, exit, text);
        assertTrue(text.startsWith("internal error: java.lang.StackOverflowError\n"), text);
        assertTrue(text.contains("run again with --verbose"), text);
        assertFalse(text.contains("\tat "), "no stack trace without --verbose: " + text);
    }

    @Test
    void lintAndSiteOfTheCourseFolderInsteadOfItsLessonsSuggestTheLessons() throws Exception {
        Path course = Files.createDirectories(tmp.resolve("my course"));
        Files.copy(Fixtures.resources().resolve("fixtures/course.yaml"), course.resolve("course.yaml"));
        Path lessons = Files.createDirectories(course.resolve("lessons"));
        Files.copy(Fixtures.fixture("good-course").resolve("01-tiny.md"), lessons.resolve("01-tiny.md"));

        Run lint = run("lint", "--lessons", course.toString());
        assertEquals(ExitCodes.BAD_INPUT, lint.exit(), lint.err());
        assertTrue(lint.err().contains("error: no lessons in " + course + "; nothing to lint"), lint.err());
        assertTrue(lint.err().contains("next: pass --lessons '" + lessons + "', the lessons folder below it"), lint.err());

        Run site = run("site", "--lessons", course.toString(), "--out", tmp.resolve("site").toString());
        assertEquals(ExitCodes.BAD_INPUT, site.exit(), site.err());
        assertTrue(site.err().contains("next: pass --lessons '" + lessons + "', the lessons folder below it; or pass --allow-empty"), site.err());

        assertEquals(ExitCodes.OK, run("lint", "--lessons", lessons.toString()).exit(), "the lessons folder itself lints");
    }

    @Test
    void lintOfAFolderWithoutLessonsIsExitTwo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run lint = run("lint", "--lessons", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, lint.exit(), lint.err());
        assertTrue(lint.err().contains("error: no lessons in " + empty), lint.err());
        assertTrue(lint.err().contains("next: pass --lessons DIR with the folder of lesson files"), lint.err());
    }

    @Test
    void anUnknownOptionNamesTheHelpOfTheCommandAsTyped() {
        // picocli's own name for the root is the bare 'lesson', which is no command on a learner's machine.
        Run root = run("03-clusterip", "--frobnicate");
        assertEquals(ExitCodes.BAD_INPUT, root.exit(), root.err());
        assertTrue(root.err().contains("next: see '" + dev.kubelessons.lesson.Launcher.command("--help") + "'"), root.err());
        Run sub = run("cluster", "up", "--frobnicate");
        assertEquals(ExitCodes.BAD_INPUT, sub.exit(), sub.err());
        assertTrue(sub.err().contains("next: see '" + dev.kubelessons.lesson.Launcher.command("cluster up --help") + "'"), sub.err());
    }
}
