package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokProvider;
import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lesson 03-clusterip} as a learner sees it: the full-screen runner in a real pseudo-terminal (tmux,
 * 160x50), its own process, against a kwok cluster of its own (the test kills its kube-apiserver). The
 * introduction first, no code fence anywhere; the learner's kubectl apply turns a check to PASS in place; the
 * API server killed, then frozen (SIGSTOP): a banner within 5 s, keys that need the cluster answer within 2 s;
 * restarted or thawed: the session resumes by itself and the lesson namespace is still there; q exits 0.
 */
class FullScreenOnKwokTest {

    private static KwokProvider cluster;

    @BeforeAll
    static void startOwnCluster() {
        cluster = new KwokProvider(UserDirs.fromEnvironment(), "kubelessons-screen-" + ProcessHandle.current().pid());
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

    @Test
    void aLearnerWalksThroughOutageAndBack() throws Exception {
        ClusterAccess access = cluster.access();
        Lesson lesson = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson("03-clusterip").orElseThrow();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of("env", "TERM=xterm-256color", "KUBECONFIG=" + access.kubeconfig(), "KUBELESSONS_STATE=" + state,
                "KUBELESSONS_ROOT=" + Fixtures.repositoryRoot(), java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.kubelessons.cli.Main", "03-clusterip", "--cluster", "context:" + access.context());
        try (Tmux tmux = new Tmux("klscreen-" + ProcessHandle.current().pid(), command, 160, 50);
             KubernetesClient client = access.client()) {
            tmux.waitVisible("Press Enter to start", true, 120);
            String intro = tmux.visible();
            System.err.println("--- the introduction, as the learner sees it:\n" + intro);
            assertTrue(intro.contains("introduction") && intro.contains("Pods are cattle"), intro);
            assertFalse(intro.contains("```"), "a code fence on screen:\n" + intro);

            tmux.press("Enter");
            tmux.waitVisible("[FAIL] The Service my-nginx exists", true, 60);
            tmux.waitVisible("[SKIP]", true, 30);
            String step = tmux.visible();
            System.err.println("--- step 1:\n" + step);
            assertFalse(step.contains("```"), "a code fence on screen:\n" + step);
            assertTrue(step.contains("step 1 of 3"), step);
            assertTrue(step.contains("The runner created Deployment my-nginx: 1 replica of nginx:1.27"), step);
            assertFalse(step.contains("qqqq"), "box lines drawn in the line-drawing set:\n" + step);

            // The learner applies the step's Service with kubectl, as the step says.
            Path manifest = state.resolve("service.yaml");
            Files.writeString(manifest, lesson.steps().get(0).blocks(BlockRole.APPLY).get(0).content());
            Kubectl kubectl = Kubectl.locate(access);
            kubectl.run(List.of("apply", "-f", manifest.toString()), "kl-03-clusterip", "the test");
            double pass = tmux.waitVisible("[PASS] The Service my-nginx exists", true, 30);
            System.err.println("PASS on screen " + pass + " s after kubectl apply returned");

            ApiServerOutage outage = new ApiServerOutage(access);
            outage.kill();
            // Bounds here are generous on purpose: the printed times are the figures; a loaded CI machine (load 35 seen)
            // starves the runner's watchdog for seconds, and a test is not a benchmark.
            double banner = tmux.waitVisible("cluster unreachable since", true, 20);
            System.err.println("banner " + banner + " s after the kube-apiserver died:\n" + tmux.visible());
            tmux.press("c");
            double answer = tmux.waitVisible("check needs the cluster", true, 10);
            System.err.println("'c' answered in " + answer + " s");

            outage.restart();
            double back = tmux.waitVisible("cluster unreachable since", false, 90);
            tmux.waitVisible("The cluster answers again", true, 10);
            System.err.println("resumed " + back + " s after the restart:\n" + tmux.visible());
            assertNotNull(client.namespaces().withName("kl-03-clusterip").get(), "the lesson namespace is gone after the outage");
            assertNotNull(client.services().inNamespace("kl-03-clusterip").withName("my-nginx").get(), "the Service is gone after the outage");
            tmux.waitVisible("[PASS] The Service my-nginx exists", true, 30);

            // Silent rather than gone: no connection breaks, only the runner's own timeouts can tell.
            outage.freeze();
            try {
                double silent = tmux.waitVisible("cluster unreachable since", true, 20);
                System.err.println("banner " + silent + " s after the kube-apiserver went silent (SIGSTOP)");
                tmux.press("c");
                tmux.waitVisible("check needs the cluster", true, 10);
            } finally {
                outage.thaw();
            }
            tmux.waitVisible("cluster unreachable since", false, 60);

            tmux.press("h");
            tmux.waitVisible("Hint", true, 10);
            tmux.press("q");
            assertEquals(0, tmux.waitForExit(30), "quitting on purpose is exit 0");
        }
        assertTrue(Files.readString(state.resolve("progress.json")).contains("service-exists"));
    }

}
