package dev.kubelessons.runner;

import dev.kubelessons.failure.KubelessonsException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs what talks to the cluster (checks, fast-forward, reset) on one thread of its own, one after the
 * other, so the key thread never waits on the API; while the watchdog knows the cluster is away, a key
 * that needs it is told so at once instead. Failures become notes on the view, never a dead thread.
 */
final class ClusterActions implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kubelessons-actions");
        t.setDaemon(true);
        return t;
    });
    private final LessonView view;
    private ClusterWatchdog watchdog;

    ClusterActions(LessonView view) {
        this.view = view;
    }

    void watchedBy(ClusterWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    /** {@code action} in the background, or at once the reason it cannot run now. */
    void run(String what, Runnable action) {
        Optional<Instant> away = watchdog.awaySince();
        if (away.isPresent()) {
            view.note(what + " needs the cluster, which has not answered since "
                    + LocalTime.ofInstant(away.get(), ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS)
                    + "; the checks re-run by themselves once it does.");
            return;
        }
        background(what, action);
    }

    /** {@code action} in the background, whatever the watchdog knows (starting the watch, catching up after an outage). */
    void background(String what, Runnable action) {
        thread.execute(() -> {
            try {
                action.run();
            } catch (KubelessonsException e) {
                view.note("error: " + e.getMessage() + (e.nextStep() == null ? "" : " (next: " + e.nextStep() + ")"));
                watchdog.suspect();
            } catch (RuntimeException e) {
                // Most likely a call that timed out: the cluster is going away, and the watchdog will say so.
                view.note(what + " failed: " + e.getMessage());
                watchdog.suspect();
            }
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
