package dev.kubelessons.cluster;

import dev.kubelessons.failure.KubelessonsException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The one cluster of a test run: either the cluster named by $KUBELESSONS_TEST_KUBECONFIG (used, never removed),
 * or a kwok cluster named after this JVM's pid (started here, removed at the end, or by the next run if this JVM dies).
 */
final class SharedTestCluster implements AutoCloseable {

    static final String ENV_KUBECONFIG = "KUBELESSONS_TEST_KUBECONFIG";
    static final String ENV_CONTEXT = "KUBELESSONS_TEST_CONTEXT";
    static final String TEST_PREFIX = "kubelessons-test-";

    private final KwokProvider owned;
    private final ClusterAccess access;
    private final KubernetesClient client;
    private final String failure;
    private final Thread shutdownHook;
    private final java.util.concurrent.atomic.AtomicBoolean removed = new java.util.concurrent.atomic.AtomicBoolean();

    private SharedTestCluster(KwokProvider owned, ClusterAccess access, String failure) {
        this.owned = owned;
        this.access = access;
        this.failure = failure;
        this.client = access == null ? null : access.client();
        // Ctrl-C or a surefire timeout skips JUnit's own cleanup; the hook still removes the cluster we started.
        this.shutdownHook = owned == null || access == null ? null : new Thread(this::removeOwned, "kwok-test-cluster-down");
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    static SharedTestCluster start() {
        PrintWriter log = new PrintWriter(System.err, true);
        String kubeconfig = System.getenv(ENV_KUBECONFIG);
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            return existing(Path.of(kubeconfig), System.getenv(ENV_CONTEXT));
        }
        UserDirs dirs = UserDirs.fromEnvironment();
        removeAbandoned(dirs, log);
        KwokProvider provider = new KwokProvider(dirs, TEST_PREFIX + ProcessHandle.current().pid());
        try {
            provider.up(log);
            return new SharedTestCluster(provider, provider.access(), null);
        } catch (KubelessonsException e) {
            provider.down(log);
            return new SharedTestCluster(null, null, e.getMessage() + " (next: " + e.nextStep() + ")");
        } catch (RuntimeException e) {
            provider.down(log);
            return new SharedTestCluster(null, null, e.toString());
        }
    }

    private static SharedTestCluster existing(Path kubeconfig, String context) {
        if (!Files.isRegularFile(kubeconfig)) {
            return new SharedTestCluster(null, null, ENV_KUBECONFIG + "=" + kubeconfig + " is not a file");
        }
        String chosen = context != null && !context.isBlank() ? context
                : KubeConfigUtils.parseConfig(kubeconfig.toFile()).getCurrentContext();
        ClusterAccess access = new ClusterAccess(kubeconfig.toAbsolutePath(), chosen);
        if (!ReadinessWait.apiReady(access, Duration.ofSeconds(30))) {
            return new SharedTestCluster(null, null, "the cluster of " + ENV_KUBECONFIG + " (context " + chosen + ") does not answer /readyz");
        }
        return new SharedTestCluster(null, access, null);
    }

    /** Test clusters whose JVM is gone (killed mid-run) would otherwise run forever. */
    private static void removeAbandoned(UserDirs dirs, PrintWriter log) {
        Path clusters = dirs.state().resolve("kwok").resolve("clusters");
        if (!Files.isDirectory(clusters)) {
            return;
        }
        try (Stream<Path> entries = Files.list(clusters)) {
            for (Path dir : entries.toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(TEST_PREFIX) && !jvmAlive(name.substring(TEST_PREFIX.length()))) {
                    log.println("removing abandoned test cluster " + name);
                    new KwokProvider(dirs, name).down(log);
                }
            }
        } catch (IOException e) {
            log.println("could not look for abandoned test clusters: " + e.getMessage());
        }
    }

    private static boolean jvmAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it alone
        }
    }

    SharedTestCluster orFail() {
        if (failure != null) {
            throw new IllegalStateException("no Kubernetes cluster for the tests: " + failure);
        }
        return this;
    }

    ClusterAccess access() {
        return access;
    }

    KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running or has run, and removeOwned() runs at most once.
            }
        }
        removeOwned();
    }

    private void removeOwned() {
        if (owned != null && removed.compareAndSet(false, true)) {
            owned.down(new PrintWriter(System.err, true));
        }
    }
}
