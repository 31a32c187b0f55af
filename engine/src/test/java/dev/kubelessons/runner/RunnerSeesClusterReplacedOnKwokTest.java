package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import dev.kubelessons.Fixtures;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: "if the cluster really was replaced, the runner says so and offers to set the lesson up again". A learner's
 * kwok cluster loses its etcd data (the same CA and address, a new cluster: kube-system gets a new UID) while the
 * runner is open in a terminal; when the API answers again the runner says this is not the cluster the lesson started
 * on and offers r, and r sets the lesson up again. The cluster is this class's own, in a state dir of its own.
 */
class RunnerSeesClusterReplacedOnKwokTest {

    private static final String[] UP = {"cluster", "up", "--provider", "kwok"};
    private static Path state;
    private static CliProcess cli;

    @BeforeAll
    static void startOwnCluster() throws Exception {
        state = Files.createTempDirectory("kubelessons-replaced-");
        cli = new CliProcess(Map.of("KUBELESSONS_STATE", state.toString()));
        CliProcess.Run up = cli.run(UP);
        assertEquals(0, up.exit(), up.both());
    }

    @AfterAll
    static void removeOwnCluster() throws Exception {
        if (cli != null) {
            cli.run("cluster", "down", "--provider", "kwok");
        }
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static Path clusterDir() {
        return state.resolve("kwok/clusters/kubelessons");
    }

    private static String kubeSystemUid() {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, clusterDir().resolve("kubeconfig.yaml").toFile())).build()) {
            return client.namespaces().withName("kube-system").get().getMetadata().getUid();
        }
    }

    @Test
    void theRunnerSaysTheClusterWasReplacedAndRSetsTheLessonUpAgain() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path kubeconfig = clusterDir().resolve("kubeconfig.yaml");
        List<String> command = List.of("env", "TERM=dumb", "KUBECONFIG=" + kubeconfig, "KUBELESSONS_STATE=" + state.resolve("learner"),
                "KUBELESSONS_ROOT=" + Fixtures.repositoryRoot(), java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.kubelessons.cli.Main", "03-clusterip", "--cluster", "context:kwok-kubelessons", "--no-color");
        String before = kubeSystemUid();
        try (Tmux tmux = new Tmux("klreplaced-" + ProcessHandle.current().pid(), command, 160, 50)) {
            tmux.waitFor("Step 1/", 120);

            // The cluster is re-created on the same certificates and address: every component stops, etcd's data goes,
            // and 'cluster up' starts them all again on an empty etcd.
            for (String component : List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok-controller")) {
                long pid = Long.parseLong(Files.readString(clusterDir().resolve("pids/" + component + ".pid")).strip());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            Thread.sleep(1000);
            try (Stream<Path> files = Files.walk(clusterDir().resolve("etcd"))) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            tmux.waitFor("cluster unreachable", 30);
            CliProcess.Run up = cli.run(UP);
            assertEquals(0, up.exit(), up.both());
            assertNotEquals(before, kubeSystemUid(), "a new cluster on the same CA and address");

            String screen = tmux.waitFor("This is not the cluster the lesson started on", 90);
            assertTrue(screen.contains("Press r to set the lesson up again"), screen);
            tmux.type("r");
            tmux.waitFor("The lesson is back at its start: namespace", 180);
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, kubeconfig.toFile())).build()) {
                assertTrue(client.apps().deployments().inNamespace("kl-03-clusterip").withName("my-nginx").get() != null,
                        "the setup is on the new cluster");
            }
            tmux.type("q");
            assertEquals(0, tmux.waitForExit(60));
        }
    }
}
