package dev.kubelessons.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.Optional;

/** A place lessons run: starts, stops and describes one cluster, and hands out a client for it. */
public interface ClusterProvider {

    /** Short name shown to the user: {@code kind}, {@code kwok} or {@code context:<name>}. */
    String name();

    /** Starts the cluster, or says it already runs; progress goes to {@code out}. */
    void up(PrintWriter out);

    /** Removes everything {@link #up} started; says so when there is nothing to remove. */
    void down(PrintWriter out);

    /** What runs now, and how to reach it. */
    ClusterStatus status();

    /**
     * A client of the cluster if it runs (its API has just answered), else empty; the caller closes it. A command
     * about to use the cluster asks this and keeps the client: asking whether it runs and then connecting read the
     * kubeconfig and shook hands over TLS twice (RSA in C1-compiled code, a tenth of a warm {@code --check}).
     * Providers whose {@link #status()} describes more than it needs to (kind, kwok) answer it more cheaply.
     */
    default Optional<KubernetesClient> connectIfRunning() {
        return status().running() ? Optional.of(access().client()) : Optional.empty();
    }

    /** Whether the cluster runs, as {@link #status()} would say, without the details it prints. */
    default boolean running() {
        Optional<KubernetesClient> client = connectIfRunning();
        client.ifPresent(KubernetesClient::close);
        return client.isPresent();
    }

    /** Kubeconfig path and context of a running cluster; throws a PrerequisiteException when it does not run. */
    ClusterAccess access();

    /** False when there are no real pods, kube-proxy or DNS (kwok): data-plane checks must then be skipped. */
    boolean hasDataPlane();
}
