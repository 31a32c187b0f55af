package dev.kubelessons.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Knows whether the API server answers. It asks /readyz every 0.8 s on a client whose calls time out in
 * 1.2 s, and a second time at once after a failure, so silence shows within about 3.2 s (the issue asks
 * for 5; a frozen API server measured 4.0 s with 1 s and 1.5 s) while one slow answer on a busy machine is
 * not an outage. While the cluster is away it retries with backoff (1 s doubling to 8 s) and, once it
 * answers, reports how long it was away. Watch problems only make it look sooner.
 */
final class ClusterWatchdog implements AutoCloseable {

    /** What the watchdog tells its owner. */
    interface Listener {
        void away(String banner);

        void back(Duration awayFor);
    }

    static final Duration HEALTHY_INTERVAL = Duration.ofMillis(800);
    static final Duration MAX_RETRY = Duration.ofSeconds(8);

    /** A blip (a restart, a slow moment) is over within seconds; longer than this, the banner says what to do. */
    static final Duration ADVICE_AFTER = Duration.ofSeconds(15);

    private final String nextStep;
    private final KubernetesClient probeClient;
    private final Listener listener;
    private final Clock clock;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile Instant awaySince;
    private volatile String lastProblem = "";
    /** The last failure was the server's certificate: another CA signed it, so this is not the session's cluster any more. */
    private volatile boolean untrusted;

    ClusterWatchdog(KubernetesClient probeClient, Listener listener, Clock clock) {
        this(probeClient, listener, clock, "");
    }

    /**
     * {@code nextStep}: what the learner can do when the cluster stays away (nothing restarts a kwok API server by
     * itself), said in the banner after {@link #ADVICE_AFTER}; empty for none.
     */
    ClusterWatchdog(KubernetesClient probeClient, Listener listener, Clock clock, String nextStep) {
        this.nextStep = nextStep;
        this.probeClient = probeClient;
        this.listener = listener;
        this.clock = clock;
        this.thread = new Thread(this::loop, "kubelessons-watchdog");
        this.thread.setDaemon(true);
    }

    ClusterWatchdog start() {
        thread.start();
        return this;
    }

    /** Since when the cluster has not answered, if it does not now. */
    Optional<Instant> awaySince() {
        return Optional.ofNullable(awaySince);
    }

    /** A watch broke or a call failed: look now instead of at the next tick. */
    void suspect() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    String banner() {
        Instant since = awaySince;
        if (since == null) {
            return "";
        }
        String when = LocalTime.ofInstant(since, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).toString();
        if (untrusted) {
            return "! the cluster answers with another certificate since " + when + ": it was re-created, and this session cannot"
                    + " reach it. Quit (q) and start the lesson again; your progress is saved.";
        }
        boolean lasting = !nextStep.isBlank() && Duration.between(since, clock.instant()).compareTo(ADVICE_AFTER) >= 0;
        // The next step before the reassurance: a narrow screen shows the banner's first lines only.
        return "! cluster unreachable since " + when + " (" + lastProblem + "); retrying."
                + (lasting ? " If it does not come back: " + nextStep + "." : "") + " Checks show their last known state. Your progress is saved.";
    }

    private void loop() {
        Duration retry = Duration.ofSeconds(1);
        while (!Thread.currentThread().isInterrupted()) {
            Instant asked = clock.instant();
            boolean answers = answers() || answers();
            if (!answers && awaySince == null) {
                awaySince = asked; // silent since the question it did not answer, not since we gave up waiting
                listener.away(banner());
            } else if (!answers) {
                listener.away(banner());
                retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
            } else if (awaySince != null) {
                Duration away = Duration.between(awaySince, clock.instant());
                awaySince = null;
                retry = Duration.ofSeconds(1);
                listener.back(away);
            }
            if (!sleep(awaySince == null ? HEALTHY_INTERVAL : retry)) {
                return;
            }
        }
    }

    private boolean sleep(Duration duration) {
        synchronized (wake) {
            try {
                wake.wait(duration.toMillis());
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    private boolean answers() {
        try {
            String ready = probeClient.raw("/readyz");
            if (ready != null && ready.strip().equals("ok")) {
                return true;
            }
            lastProblem = "/readyz says " + (ready == null ? "nothing" : ready.strip().lines().findFirst().orElse(""));
            untrusted = false;
            return false;
        } catch (RuntimeException e) {
            lastProblem = shortReason(e);
            untrusted = certificateRefused(e);
            return false;
        }
    }

    /**
     * Whether TLS refused the server's certificate anywhere in the chain. The JDK's words differ by version and layer
     * ("PKIX path building failed", "unable to find valid certification path", "No trust anchors"), the types do not.
     */
    static boolean certificateRefused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof javax.net.ssl.SSLHandshakeException || cause instanceof java.security.cert.CertificateException
                    || cause instanceof java.security.cert.CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }

    private static String shortReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException || root instanceof java.nio.channels.ClosedChannelException) {
            return "connection refused or closed";
        }
        if (root instanceof java.net.http.HttpTimeoutException || root instanceof java.util.concurrent.TimeoutException) {
            return "no answer within 1.2 s";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 80 ? message.substring(0, 79) + "…" : message;
    }

    @Override
    public void close() {
        thread.interrupt();
        probeClient.close();
    }
}
