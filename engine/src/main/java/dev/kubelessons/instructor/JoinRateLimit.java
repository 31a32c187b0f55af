package dev.kubelessons.instructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} join attempts per client address in any {@code window} (a sliding log of each client's recent
 * attempts): guessing a join code, or filling the cluster with names, is slow. Bounded: clients idle for a window are forgotten.
 */
final class JoinRateLimit {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();

    JoinRateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an attempt by {@code client}; false when it is over the limit (the attempt is refused and not counted). */
    synchronized boolean allow(String client) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        attempts.values().removeIf(log -> {
            while (!log.isEmpty() && !log.peekFirst().isAfter(since)) {
                log.pollFirst();
            }
            return log.isEmpty();
        });
        Deque<Instant> log = attempts.computeIfAbsent(client, c -> new ArrayDeque<>());
        if (log.size() >= limit) {
            return false;
        }
        log.addLast(now);
        return true;
    }

    /** Seconds until {@code client} may try again. */
    synchronized long retryAfterSeconds(String client) {
        Deque<Instant> log = attempts.get(client);
        if (log == null || log.isEmpty()) {
            return 0;
        }
        return Math.max(1, Duration.between(clock.instant(), log.peekFirst().plus(window)).toSeconds() + 1);
    }
}
