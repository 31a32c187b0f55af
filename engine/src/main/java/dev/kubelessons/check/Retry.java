package dev.kubelessons.check;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounded retries for data-plane checks only: after a change, kube-proxy, CoreDNS and the CNI need a moment
 * before packets follow, and there is no event to wait for. Resource checks never use this.
 */
final class Retry {

    private Retry() {
    }

    /** Runs {@code attempt} until it passes or errors, at most {@code attempts} times; returns the last verdict. */
    static Verdict untilPass(ProbeOptions options, Supplier<Verdict> attempt) {
        Verdict verdict = attempt.get();
        for (int tried = 1; tried < options.attempts() && verdict.status() == Status.FAIL; tried++) {
            try {
                Thread.sleep(options.retryDelay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return verdict;
            }
            verdict = attempt.get();
        }
        return verdict;
    }
}
