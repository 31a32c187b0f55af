package dev.kubelessons.runner;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * When the cluster goes away mid-lesson, tells the learner once, then probes the API with
 * exponential backoff (1 s doubling to 15 s) until it answers, and hands over to resume.
 * Only connectivity is probed here; checks themselves stay event-driven.
 */
final class ReconnectMonitor {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(15);

    private final KubernetesClient client;
    private final Consumer<String> say;
    private final Runnable onBack;
    private final AtomicBoolean probing = new AtomicBoolean();

    ReconnectMonitor(KubernetesClient client, Consumer<String> say, Runnable onBack) {
        this.client = client;
        this.say = say;
        this.onBack = onBack;
    }

    /** Called on every watch problem; starts one probing thread if none runs. */
    void lost(String why) {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        say.accept("! the cluster is unreachable (" + why + "); retrying with backoff. Your progress is saved.");
        Thread thread = new Thread(this::probeUntilBack, "kubelessons-reconnect");
        thread.setDaemon(true);
        thread.start();
    }

    boolean probing() {
        return probing.get();
    }

    private void probeUntilBack() {
        Duration delay = FIRST_DELAY;
        while (true) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (answers()) {
                probing.set(false);
                say.accept("the cluster is reachable again; checks resume.");
                onBack.run();
                return;
            }
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    private boolean answers() {
        try {
            String ready = client.raw("/readyz");
            return ready != null && ready.strip().equals("ok");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
