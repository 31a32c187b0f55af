package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lesson 12-checkout-drill} as a learner runs it, in a real terminal (tmux) against the kwok cluster: the healthy
 * system is proven, the fault injected, the learner restores it with the API in another "terminal", and the drill ends
 * with the time and the post-incident report; giving up lets the runner restore it and records nothing as done.
 */
@KwokCluster
class DrillInTerminalTest {

    private static final Pattern NAMESPACE = Pattern.compile("\\(drill, namespace (\\S+), cluster");

    @TempDir
    Path state;

    @Test
    void theLearnerRestoresServiceAndGetsTheReport(ClusterAccess access, KubernetesClient client) throws Exception {
        try (Tmux tmux = new Tmux("kldrill-" + ProcessHandle.current().pid(), command(access, "--fault", "selector-typo"), 160, 50)) {
            tmux.waitFor("INCIDENT", 180);
            String screen = tmux.screen();
            assertTrue(screen.contains("Healthy: 3 checks pass; 3 need a data plane and are skipped here."), screen);
            assertTrue(screen.contains("Pager: checkout answers 'connection refused'"), screen);
            assertFalse(screen.contains("chekout"), "the cause is not given away:\n" + screen);
            String namespace = namespace(screen);
            assertEquals(Map.of("app", "chekout"), client.services().inNamespace(namespace).withName("checkout").get().getSpec().getSelector(),
                    "the fault is in place");

            tmux.type("h");
            tmux.waitFor("Hint 1 of 4: The Service exists. Does it have endpoints?", 30);
            tmux.type("c");
            tmux.waitFor("[FAIL] checkout has two ready endpoints", 30);

            client.services().inNamespace(namespace).withName("checkout")
                    .edit(service -> { service.getSpec().setSelector(Map.of("app", "checkout")); return service; });

            String report = tmux.waitFor("Reference fix:", 60);
            assertTrue(report.matches("(?s).*Service restored in \\d+:\\d\\d \\(1 hint used\\).*"), report);
            assertTrue(report.contains("What broke:  The checkout Service selects app=chekout"), report);
            assertTrue(report.contains("Caught by:   checkout has two ready endpoints"), report);
            assertTrue(report.contains("Shown by:    kubectl get endpointslices -l kubernetes.io/service-name=checkout"), report);
            assertEquals(0, tmux.waitForExit(30));
        }
        String progress = Files.readString(state.resolve("progress.json"));
        assertTrue(progress.contains("12-checkout-drill"), progress);
    }

    @Test
    void givingUpLetsTheRunnerRestoreAndRecordsNothingAsDone(ClusterAccess access, KubernetesClient client) throws Exception {
        try (Tmux tmux = new Tmux("kldrill2-" + ProcessHandle.current().pid(), command(access, "--fault", "scaled-to-zero"), 160, 50)) {
            tmux.waitFor("INCIDENT", 180);
            String namespace = namespace(tmux.screen());
            assertEquals(0, client.apps().deployments().inNamespace(namespace).withName("checkout").get().getSpec().getReplicas());
            tmux.type("s");
            String report = tmux.waitFor("Reference fix:", 90);
            assertTrue(report.contains("Service restored by the runner in"), report);
            assertTrue(report.contains("kubectl scale deployment checkout --replicas=2"), report);
            assertEquals(0, tmux.waitForExit(30));
            assertEquals(2, client.apps().deployments().inNamespace(namespace).withName("checkout").get().getSpec().getReplicas());
        }
        Path progress = state.resolve("progress.json");
        assertTrue(!Files.exists(progress) || !Files.readString(progress).contains("12-checkout-drill"), "giving up is not done");
    }

    @Test
    void anUnknownFaultIsBadInputNamingTheFaults(ClusterAccess access) throws Exception {
        try (Tmux tmux = new Tmux("kldrill3-" + ProcessHandle.current().pid(), command(access, "--fault", "typo"), 160, 50)) {
            String screen = tmux.waitFor("[exit status ", 120);
            assertTrue(screen.contains("lesson 12-checkout-drill has no fault 'typo'"), screen);
            assertTrue(screen.contains("selector-typo"), screen);
            assertEquals(2, tmux.waitForExit(5));
        }
    }

    private List<String> command(ClusterAccess access, String... extra) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> base = List.of("env", "TERM=dumb", "KUBECONFIG=" + access.kubeconfig(), "KUBELESSONS_STATE=" + state,
                "KUBELESSONS_ROOT=" + Fixtures.repositoryRoot(), java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.kubelessons.cli.Main", "12-checkout-drill", "--cluster", "context:" + access.context(), "--no-color");
        return Stream.concat(base.stream(), Arrays.stream(extra)).toList();
    }

    private static String namespace(String screen) {
        Matcher matcher = NAMESPACE.matcher(screen);
        assertTrue(matcher.find(), screen);
        return matcher.group(1);
    }
}
