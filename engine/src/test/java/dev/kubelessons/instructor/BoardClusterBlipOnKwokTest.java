package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokProvider;
import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ApiServerOutage;
import dev.kubelessons.runner.ManifestApplier;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster blip never takes the board down: the kube-apiserver of a kwok cluster of this class's own is killed while the
 * board serves. The page, the open SSE stream and attendee reports keep working, the instructor sees a banner that says
 * since when the cluster is unreachable, and once the API server is back the banner clears and the instructor's own
 * evaluation resumes. Its own cluster: after a blip the controllers back off for up to ~40 s, which would slow every
 * test that shares the run's cluster.
 */
class BoardClusterBlipOnKwokTest {

    private static final Duration LONG = Duration.ofSeconds(180);
    private static KwokProvider cluster;
    private static KubernetesClient admin;

    @BeforeAll
    static void startOwnCluster() {
        cluster = new KwokProvider(UserDirs.fromEnvironment(), "kubelessons-blip-" + ProcessHandle.current().pid());
        cluster.up(new PrintWriter(System.err, true));
        admin = cluster.access().client();
    }

    @AfterAll
    static void removeOwnCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.down(new PrintWriter(System.err, true));
        }
    }

    @Test
    void theBoardServesThroughAnApiServerOutageShowsItAndResumesAfterwards(@TempDir Path out) throws Exception {
        ClusterAccess access = cluster.access();
        Lesson lesson = WorkshopFixture.lesson("02-deployments");
        String onCluster = "ivy";
        String remote = "rex";
        WorkshopFixture.provision(admin, access, List.of(onCluster), List.of(lesson), out);
        try (BoardFixture board = new BoardFixture(admin, access, List.of(lesson), List.of(remote))) {
            Board state = board.service.board();
            waitFor("ivy's first evaluation", () -> "none".equals(cell(state, onCluster).state()));
            HttpResponse<InputStream> stream = board.http.send(HttpRequest.newBuilder(board.uri("/events"))
                    .header("Authorization", "Bearer " + board.tokens.instructor()).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            try (EventRecorder events = new EventRecorder(stream.body())) {
                ApiServerOutage outage = new ApiServerOutage(access);
                outage.kill();

                // (b) The instructor sees the outage: a banner pushed over SSE, and on the page for anyone who reloads.
                EventRecorder.Event down = events.await(0, "a 'cluster unreachable' event",
                        e -> e.name().equals("cluster") && e.data().contains("\"reachable\":false"), Duration.ofSeconds(60));
                assertTrue(down.data().matches(".*cluster unreachable since \\d\\d:\\d\\d:\\d\\d, retrying.*"), down.data());
                assertFalse(state.cluster().reachable());
                String page = board.get("/", board.tokens.instructor()).body();
                assertTrue(page.contains("id=\"cluster-banner\" class=\"cluster-banner\" role=\"alert\">cluster unreachable since "), page);

                // (a) Meanwhile the board answers: page, state, the same SSE connection, and an attendee's report.
                assertEquals(200, board.get("/", board.tokens.instructor()).statusCode());
                assertEquals(200, board.get("/api/state", board.tokens.instructor()).statusCode());
                int before = events.count();
                String report = "{\"lessons\":[{\"id\":\"02-deployments\",\"checks\":[{\"id\":\"deployment-exists\",\"status\":\"PASS\","
                        + "\"message\":\"reported during the blip\"}]}]}";
                assertEquals(200, board.post("/api/report/" + remote, board.tokens.attendee(remote), report).statusCode());
                events.await(before, "rex's reported cell", e -> e.name().equals("cell") && e.data().contains("\"attendee\":\"" + remote + "\"")
                        && e.data().contains("\"source\":\"report\"") && e.data().contains("\"passed\":1"), Duration.ofSeconds(10));
                assertEquals(1, cell(state, remote).passed());
                assertNull(events.ended(), "the SSE stream stays open through the outage");

                // The cell says its watch broke once fabric8 gives up a reconnect (~15 s): the stale-problem case to clear later.
                waitFor("ivy's cell showing the broken watch", () -> cell(state, onCluster).problem() != null);
                assertTrue(cell(state, onCluster).problem().contains("watch"), cell(state, onCluster).problem());
                outage.restart();

                // (c) Back: the banner clears on the same stream, cells lose their watch problems, and a change is seen.
                int restarted = events.count();
                events.await(restarted, "a 'cluster reachable' event",
                        e -> e.name().equals("cluster") && e.data().contains("\"reachable\":true"), LONG);
                assertTrue(state.cluster().reachable());
                assertTrue(board.get("/", board.tokens.instructor()).body().contains("role=\"alert\" hidden>"), "banner hidden again");
                waitFor("ivy's cell without a watch problem", () -> cell(state, onCluster).problem() == null
                        && !"error".equals(cell(state, onCluster).state()));

                int applied = events.count();
                var deployment = lesson.steps().get(0).blocks(BlockRole.APPLY).get(0);
                new ManifestApplier(admin).apply(deployment, WorkshopNames.lesson(onCluster, lesson.id()), lesson.id());
                events.await(applied, "ivy's deployment-exists PASS over SSE", e -> e.name().equals("cell")
                        && e.data().contains("\"attendee\":\"" + onCluster + "\"")
                        && e.data().contains("{\"id\":\"deployment-exists\",\"title\":\"The Deployment my-nginx exists\",\"status\":\"PASS\""), LONG);
                assertTrue(cell(state, onCluster).checks().stream().anyMatch(c -> c.id().equals("deployment-exists") && c.passed()));
                assertNull(events.ended(), "the SSE stream is still the one opened before the outage");
                assertTrue(outage.alive("kube-controller-manager"), "kube-controller-manager died during the outage");
            }
        }
    }

    private static CellView cell(Board board, String attendee) {
        return board.rows().get(attendee).get(0);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + LONG.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}
