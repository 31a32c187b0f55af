package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokProvider;
import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive loop in a plain pipe, through a real outage of the API server: it says so, retries,
 * resumes, keeps progress. The outage gets a kwok cluster of its own: after a blip the controllers
 * back off for up to ~40 s, which would slow every test that shares the run's cluster.
 */
class InteractiveLoopOnKwokTest {

    private static KwokProvider cluster;

    @BeforeAll
    static void startOwnCluster() {
        cluster = new KwokProvider(UserDirs.fromEnvironment(), "kubelessons-outage-" + ProcessHandle.current().pid());
        cluster.up(new PrintWriter(System.err, true));
    }

    @AfterAll
    static void removeOwnCluster() {
        if (cluster != null) {
            cluster.down(new PrintWriter(System.err, true));
        }
    }

    @TempDir
    Path state;

    private final StringWriter screen = new StringWriter();

    private String screen() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    private void waitFor(String text, int seconds) throws InterruptedException {
        waitUntil(() -> screen().contains(text), seconds, () -> "'" + text + "' did not appear within " + seconds + " s; screen:\n" + screen());
    }

    /** Polls {@code condition}, which another thread makes true (the loop's screen, its progress file, its reports). */
    private static void waitUntil(BooleanSupplier condition, int seconds, Supplier<String> failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(100);
        }
    }

    @Test
    void survivesTheApiServerGoingAwayAndResumesWithProgressIntact() throws Exception {
        ClusterAccess access = cluster.access();
        Lesson lesson = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson("03-clusterip").orElseThrow();
        ProgressStore progress = new ProgressStore(state.resolve("progress.json"), Clock.systemUTC());
        PipedWriter keys = new PipedWriter();
        PrintWriter out = new PrintWriter(screen, true) {
            @Override
            public void println(String x) {
                synchronized (screen) {
                    super.println(x);
                }
            }
        };
        try (ClusterSession session = RunningCluster.interactiveSession(access, "klt5")) {
            session.sandbox().reset(lesson);
            Terminal terminal = new Terminal(new PipedReader(keys), out, false);
            List<List<dev.kubelessons.check.Verdict>> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(() -> new InteractiveLoop(session, lesson, progress, new dev.kubelessons.tui.PlainView(terminal))
                    .reportingTo(reports::add).run());
            try {
                waitFor("Checks:", 60);
                waitFor("[FAIL] The Service my-nginx exists", 10);

                ApiServerOutage outage = new ApiServerOutage(access);
                outage.kill();
                waitFor("cluster unreachable since", 10);
                outage.restart();
                waitFor("The cluster answers again", 120);
                // The rest of the cluster must survive the blip too (no leader election to lose).
                assertTrue(outage.alive("kube-controller-manager"), "kube-controller-manager died during the outage");
                assertTrue(outage.alive("kube-scheduler"), "kube-scheduler died during the outage");

                // The learner's change after the outage is seen through the re-established watch.
                var service = lesson.steps().get(0).blocks(BlockRole.APPLY).get(0);
                new ManifestApplier(session.client()).apply(service, session.sandbox().namespace(lesson), lesson.id());
                waitFor("[PASS] The Service my-nginx exists", 60);
                // The loop shows the verdict, then records it: poll, or the test reads the file in between.
                waitUntil(() -> progress.of(lesson.id()).passedChecks().contains("service-exists"), 10, () -> "progress was not recorded");
                // The same change reaches a workshop board, when one is attached (--report-to).
                waitUntil(() -> reports.stream().anyMatch(r -> r.stream().anyMatch(v -> v.id().equals("service-exists") && v.status().passed())),
                        10, () -> "no report with service-exists passing: " + reports);

                keys.write("h\nn\nq\n");
                keys.flush();
                assertEquals(0, loop.get(30, TimeUnit.SECONDS), "quitting on purpose is exit 0, finished or not");
                assertTrue(screen().contains("Hint"), screen());
                assertTrue(screen().contains("Step 2/"), screen());
                assertTrue(screen().contains("Bye."), screen());
            } finally {
                keys.close();
                try {
                    session.sandbox().delete(lesson);
                } catch (RuntimeException cleanup) {
                    System.err.println("cleanup failed: " + cleanup);
                }
            }
        }
    }
}
