package dev.kubelessons.check;

/** Receives a check's new verdict whenever its status or message changes; called on the watcher's own thread. */
@FunctionalInterface
public interface VerdictListener {

    void onVerdict(Verdict verdict);

    /** The watch on the cluster broke (API unreachable, forbidden) and is being retried; the message says which. */
    default void onWatchProblem(String message) {
    }

    /** Some watched object was added, changed or deleted (the namespace map redraws); called on the informers' threads. */
    default void onObjectsChanged() {
    }
}
