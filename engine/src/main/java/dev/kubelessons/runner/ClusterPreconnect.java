package dev.kubelessons.runner;

import dev.kubelessons.cluster.ClusterProvider;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Connects to the cluster {@code --cluster} names on a thread of its own while the command reads and lints the
 * lesson: a warm {@code --check} spent most of its wall time in the kubeconfig, the client and the TLS handshake, one
 * after the other with the lesson's parse on one core of two (bench/RESULTS.md). It only connects to a cluster
 * that already runs, and says nothing meanwhile: the provider's notes are printed, a cluster started and a selection
 * error thrown by {@link #open}, at the point where {@link ClusterSession#open(String, Lesson, PrintWriter)} would, so
 * a command that fails on the lesson first never touched the cluster.
 */
public final class ClusterPreconnect implements AutoCloseable {

    private record Attempt(ClusterProvider provider, String notes, Optional<KubernetesClient> client, RuntimeException failure) {
    }

    private final CompletableFuture<Attempt> attempt;
    private boolean handedOver;

    private ClusterPreconnect(CompletableFuture<Attempt> attempt) {
        this.attempt = attempt;
    }

    /** Starts selecting and connecting on a daemon thread. */
    public static ClusterPreconnect start(String clusterOption) {
        CompletableFuture<Attempt> attempt = new CompletableFuture<>();
        Thread thread = new Thread(() -> attempt.complete(connect(clusterOption)), "kubelessons-preconnect");
        thread.setDaemon(true);
        thread.start();
        return new ClusterPreconnect(attempt);
    }

    private static Attempt connect(String clusterOption) {
        StringWriter notes = new StringWriter();
        try (PrintWriter writer = new PrintWriter(notes)) {
            ClusterProvider provider = ClusterSession.select(clusterOption, writer);
            writer.flush();
            return new Attempt(provider, notes.toString(), provider.connectIfRunning(), null);
        } catch (RuntimeException e) {
            return new Attempt(null, notes.toString(), Optional.empty(), e);
        }
    }

    /** Whether the connection is still being made: work done meanwhile costs the command no time. */
    public boolean connecting() {
        return !attempt.isDone();
    }

    /** What {@link ClusterSession#open(String, Lesson, PrintWriter)} gives, on the client connected meanwhile when it fits. */
    public ClusterSession open(Lesson lesson, PrintWriter notes) {
        Attempt done = attempt.join();
        notes.print(done.notes());
        notes.flush();
        if (done.failure() != null) {
            throw done.failure();
        }
        ClusterProvider provider = ClusterSession.providerFor(done.provider(), lesson, notes);
        if (provider == done.provider() && done.client().isPresent()) {
            handedOver = true;
            return ClusterSession.connected(provider, done.client().get());
        }
        done.client().ifPresent(KubernetesClient::close);
        handedOver = true;
        return ClusterSession.open(provider, notes);
    }

    /** Closes a client nobody took (the command failed before it needed the cluster). */
    @Override
    public void close() {
        if (!handedOver) {
            attempt.thenAccept(done -> done.client().ifPresent(KubernetesClient::close));
        }
    }
}
