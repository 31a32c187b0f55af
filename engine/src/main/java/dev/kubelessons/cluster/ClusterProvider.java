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
     * Whether the cluster runs, as {@link #status()} would say, without the details it prints: a command about to
     * use the cluster asks only this (kwok's status also describes the nodes and the add-ons, each with a client
     * of its own: most of a warm {@code --check}'s start-up, bench/RESULTS.md).
     */
    default boolean running() {
        return status().running();
    }

    /**
     * A client of the cluster if it runs (its API has just answered), else empty; the caller closes it. A command
     * about to use the cluster asks this and keeps the client: asking {@link #running()} and then connecting read
     * the kubeconfig and shook hands over TLS twice (RSA in C1-compiled code, a tenth of a warm {@code --check}).
     */
    default Optional<KubernetesClient> connectIfRunning() {
        return running() ? Optional.of(access().client()) : Optional.empty();
    }

    /** Kubeconfig path and context of a running cluster; throws a PrerequisiteException when it does not run. */
    ClusterAccess access();

    /** False when there are no real pods, kube-proxy or DNS (kwok): data-plane checks must then be skipped. */
    boolean hasDataPlane();
}
