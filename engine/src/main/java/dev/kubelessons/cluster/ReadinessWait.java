package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a freshly started cluster: first its API server's /readyz, then its nodes' Ready condition. */
final class ReadinessWait {

    private static final long PROBE_INTERVAL_MS = 100;

    private ReadinessWait() {
    }

    /** True once /readyz answers ok; a probe loop because before the API serves there is nothing to watch. */
    static boolean apiReady(ClusterAccess access, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (apiReadyNow(access)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(PROBE_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    static boolean apiReadyNow(ClusterAccess access) {
        try (KubernetesClient client = access.client()) {
            return apiReady(client);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the API behind {@code client} says it is ready, now. */
    static boolean apiReady(KubernetesClient client) {
        try {
            return "ok".equals(client.raw("/readyz"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A client of {@code access} if its API is ready now, else empty (and the client closed). */
    static Optional<KubernetesClient> readyClient(ClusterAccess access) {
        KubernetesClient client;
        try {
            client = access.client();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (apiReady(client)) {
            return Optional.of(client);
        }
        client.close();
        return Optional.empty();
    }

    /** Watches the nodes until at least {@code count} report Ready. */
    static void nodesReady(ClusterAccess access, int count, Duration timeout) {
        try (KubernetesClient client = access.client()) {
            client.nodes().informOnCondition(nodes -> readyCount(nodes) >= count)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PrerequisiteException("the kwok nodes did not become Ready within " + timeout.toSeconds() + " s",
                    "look at the kwok-controller log under the cluster folder, then run 'cluster up' again (it keeps the cluster's data)");
        } catch (ExecutionException e) {
            throw new PrerequisiteException("watching the kwok nodes failed: " + e.getCause().getMessage(),
                    "run 'cluster up' again (it keeps the cluster's data)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrerequisiteException("interrupted while waiting for the kwok nodes", "run 'cluster up' again");
        }
    }

    /** How many nodes the cluster has, Ready or not. */
    static int nodeCount(ClusterAccess access) {
        try (KubernetesClient client = access.client()) {
            return client.nodes().list().getItems().size();
        } catch (KubernetesClientException e) {
            throw new PrerequisiteException("the API server stopped answering while listing nodes: " + e.getMessage(),
                    "run 'cluster up' again (it keeps the cluster's data)", e);
        }
    }

    /** "node-000000 Ready, node-000001 Ready": the nodes and whether each is Ready, for 'status'. */
    static String describeNodes(ClusterAccess access) {
        try (KubernetesClient client = access.client()) {
            List<Node> nodes = client.nodes().list().getItems();
            return nodes.isEmpty() ? "none" : String.join(", ", nodes.stream()
                    .map(n -> n.getMetadata().getName() + (readyCount(List.of(n)) == 1 ? " Ready" : " NotReady")).toList());
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long readyCount(List<Node> nodes) {
        return nodes.stream()
                .filter(n -> n.getStatus() != null && n.getStatus().getConditions() != null)
                .filter(n -> n.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                .count();
    }
}
