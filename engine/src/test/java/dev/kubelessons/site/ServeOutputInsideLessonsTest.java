package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import dev.kubelessons.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site --serve} with --out inside the lessons folder (allowed: a plain build works there): each build replaces
 * that folder, and the watcher took it for an edit, so one edit started rebuilds without end. One edit, one rebuild;
 * and an edit to the course's own templates ({@code templates:} in course.yaml) is one too.
 */
class ServeOutputInsideLessonsTest {

    @Test
    void oneEditGivesOneRebuild(@TempDir Path tmp) throws Exception {
        Path course = Files.createDirectories(tmp.resolve("course"));
        Files.copy(Fixtures.resources().resolve("fixtures/course.yaml"), course.resolve("course.yaml"));
        Path lessons = course.resolve("lessons");
        SiteTestSupport.copyTree(SiteTestSupport.course(), lessons);
        Path out = lessons.resolve("site");
        Path stdout = tmp.resolve("serve.out");
        Path stderr = tmp.resolve("serve.err");
        CliProcess cli = new CliProcess(Map.of("KUBELESSONS_CACHE", tmp.resolve("cache").toString()));
        Process serve = cli.start(stdout, stderr, "site", "--lessons", lessons.toString(), "--out", out.toString(), "--serve", "--port", "0");
        try {
            waitUntil(() -> read(stdout).contains("serving http://127.0.0.1:"), serve, stdout, stderr, "the server to start");
            assertEquals(1, builds(stdout), read(stdout));

            Files.writeString(lessons.resolve("02-deployments.md"), "\nOne more line.\n", StandardOpenOption.APPEND);
            waitUntil(() -> builds(stdout) >= 2, serve, stdout, stderr, "the rebuild after the edit");
            // Each rebuild of the endless loop took well under a second here (123 in 12 s on the real course).
            Thread.sleep(3000);
            assertEquals(2, builds(stdout), "one edit, one rebuild:\n" + read(stdout) + read(stderr));
            assertTrue(Files.exists(out.resolve("02-deployments.html")), "the site is still there");
            assertTrue(read(out.resolve("02-deployments.html")).contains("One more line."), "and shows the edit");
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEditToTheCoursesOwnTemplateRebuilds(@TempDir Path tmp) throws Exception {
        Path course = Files.createDirectories(tmp.resolve("course"));
        Files.writeString(course.resolve("course.yaml"), Files.readString(Fixtures.resources().resolve("fixtures/course.yaml")) + "templates: templates\n");
        Path own = Files.createDirectories(course.resolve("templates"));
        SiteTestSupport.copyTree(SiteTestSupport.course(), course.resolve("lessons"));
        Path stdout = tmp.resolve("serve.out");
        Path stderr = tmp.resolve("serve.err");
        CliProcess cli = new CliProcess(Map.of("KUBELESSONS_CACHE", tmp.resolve("cache").toString()));
        Process serve = cli.start(stdout, stderr, "site", "--course", course.toString(), "--out", tmp.resolve("site").toString(), "--serve", "--port", "0");
        try {
            waitUntil(() -> read(stdout).contains("serving http://127.0.0.1:"), serve, stdout, stderr, "the server to start");
            String index = Files.readString(SiteTestSupport.templates().resolve("index.ftlh"));
            Files.writeString(own.resolve("index.ftlh"), index.replace("<h1>${course.title}</h1>", "<h1>${course.title}</h1><p>the course's own index</p>"));
            waitUntil(() -> builds(stdout) >= 2, serve, stdout, stderr, "the rebuild after the template edit");
            waitUntil(() -> read(tmp.resolve("site/index.html")).contains("the course's own index"), serve, stdout, stderr, "the new index");
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The lines the command prints after a build, full ("site: N lessons, M pages") or incremental ("site: N lessons, rewrote"). */
    private static long builds(Path stdout) {
        return read(stdout).lines().filter(line -> line.startsWith("site: ")).count();
    }

    private static void waitUntil(BooleanSupplier done, Process serve, Path stdout, Path stderr, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            assertTrue(serve.isAlive(), "site --serve ended while waiting for " + what + ":\n" + read(stdout) + read(stderr));
            assertTrue(System.nanoTime() < deadline, "no " + what + " within 60 s:\n" + read(stdout) + read(stderr));
            Thread.sleep(50);
        }
    }

    private static String read(Path file) {
        return Files.exists(file) ? SiteTestSupport.read(file) : "";
    }
}
