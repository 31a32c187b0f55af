package dev.kubelessons.instructor;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The board's link to the cluster: asks the API server's /readyz every few seconds, and at once when a watch breaks. When
 * it stops answering, the board shows since when; while it is away, retries back off (1 s doubling to 15 s); once it is
 * back, the banner clears and {@code onBack} resumes the evaluation. Everything runs on one timer thread that never dies.
 */
final class ClusterProbe implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(15);

    private final KubernetesClient client;
    private final Board board;
    private final Clock clock;
    private final Runnable onBack;
    private final PrintWriter log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(ClusterProgress.daemon("kubelessons-board-probe"));
    private final AtomicBoolean suspected = new AtomicBoolean();
    // Touched on the timer thread only.
    private Instant downSince;
    /** The kube-system namespace's UID when the board first reached the cluster: a rebuilt cluster has a new one. */
    private String identity;
    private ClusterBanner replaced;
    private Duration retry = FIRST_RETRY;
    private ScheduledFuture<?> next;

    /** Probes with a client of its own: the shared one retries a refused connection for ~20 s before it gives up. */
    ClusterProbe(KubernetesClient cluster, Board board, Clock clock, Runnable onBack, PrintWriter log) {
        this.client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(cluster.getConfiguration())
                .withRequestRetryBackoffLimit(0).withRequestTimeout(5_000).withConnectionTimeout(5_000).build()).build();
        this.board = board;
        this.clock = clock;
        this.onBack = onBack;
        this.log = log;
    }

    void start() {
        timer.execute(() -> next = timer.schedule(this::probe, EVERY.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** A watch broke: look now rather than at the next tick. Many watches break at once in a blip; they share one probe. */
    void suspect() {
        if (suspected.compareAndSet(false, true)) {
            try {
                timer.execute(this::probe);
            } catch (RejectedExecutionException e) {
                // Closed: the board is stopping, nothing left to tell.
            }
        }
    }

    private void probe() {
        suspected.set(false);
        Duration wait = EVERY;
        try {
            if (replaced != null) {
                board.cluster(replaced);
                return; // for good: nothing on the old cluster comes back
            }
            String failure = failure();
            String changed = failure == null ? identityChange() : trustChange(failure);
            if (changed != null) {
                say("the cluster was replaced (" + changed + "); the board's cells are stale until attendees are provisioned again");
                replaced = ClusterBanner.replacedBy(clock.instant(), clock.getZone(), changed, board.clusterAttendees());
                board.cluster(replaced);
                return;
            }
            if (failure == null && downSince != null) {
                say("the cluster is reachable again after " + Duration.between(downSince, clock.instant()).toSeconds() + " s; checks resume");
                downSince = null;
                retry = FIRST_RETRY;
                board.cluster(ClusterBanner.REACHABLE);
                onBack.run();
            } else if (failure != null) {
                if (downSince == null) {
                    downSince = clock.instant();
                    say("the cluster is unreachable (" + failure + "); retrying");
                }
                board.cluster(ClusterBanner.unreachable(downSince, clock.getZone(), failure));
                wait = retry;
                retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
            }
        } catch (RuntimeException e) {
            // Whatever went wrong, the next probe still runs: a board that stops probing would never clear its banner.
            say("the cluster probe failed: " + e);
        } finally {
            if (next != null) {
                next.cancel(false);
            }
            try {
                next = timer.schedule(this::probe, wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Closed meanwhile.
            }
        }
    }

    /** What changed, if the API server is no longer the one the board first met: its kube-system namespace has another UID. */
    private String identityChange() {
        var namespace = client.namespaces().withName("kube-system").get();
        String uid = namespace == null ? null : namespace.getMetadata().getUid();
        if (uid == null) {
            return null;
        }
        if (identity == null) {
            identity = uid;
            return null;
        }
        return uid.equals(identity) ? null : "its kube-system namespace is a new one: UID " + uid + ", was " + identity;
    }

    /** A TLS failure to trust the server: the address answers with a certificate of another authority than the kubeconfig's. */
    private static String trustChange(String failure) {
        return failure.contains("trust anchor") || failure.contains("PKIX") || failure.contains("unable to find valid certification path")
                ? "its certificate authority changed: " + failure : null;
    }

    /** Null when the API server says it is ready, else why not. */
    private String failure() {
        try {
            String ready = client.raw("/readyz");
            return ready != null && ready.strip().equals("ok") ? null : "the API server at " + client.getMasterUrl() + " is not ready";
        } catch (KubernetesClientException e) {
            if (e.getCode() > 0) {
                // It answers, but not ready: typically a restarting API server running its start-up hooks.
                return "the API server at " + client.getMasterUrl() + " is not ready yet (/readyz answers " + e.getCode() + ")";
            }
            return unreachable(e);
        } catch (RuntimeException e) {
            return unreachable(e);
        }
    }

    /** The root cause names what happened (connection refused, a timeout); the wrappers around it do not. */
    private String unreachable(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cannot reach the API server at " + client.getMasterUrl() + ": "
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private void say(String message) {
        synchronized (log) {
            log.println("board: " + message);
            log.flush();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        client.close();
    }
}
