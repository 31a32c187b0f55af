package dev.kubelessons.runner;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckEvaluator;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a lesson's checks once, or waits (on watch events, not polling) until they settle:
 * after --solve the cluster needs a moment for pods to roll out and endpoints to fill.
 */
public final class LessonChecks {

    /** How often data-plane checks are asked again once the resources have settled and they still fail. */
    static final Duration DATA_PLANE_POLL = Duration.ofSeconds(3);
    /** Resource checks asked at once by {@link #now}: the machine this runs on may have two cores. */
    private static final int PARALLEL_READS = 2;

    private LessonChecks() {
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every check, evaluated once now, verdicts in the lesson's order. No watch: informers would list and watch every kind
     * the checks read and evaluate them again on their own thread, work a single look throws away (it was a fifth of
     * a warm {@code --check}).
     */
    public static List<Verdict> now(Lesson lesson, CheckContext context) {
        CheckEvaluator evaluator = new CheckEvaluator();
        List<CheckSpec> checks = lesson.checks();
        // Checks that only read the API are asked side by side: each mostly waits on its requests or builds, on a
        // core of its own, the JSON readers of the kinds it reads (the second core idled through a --check's checks).
        // Data-plane checks (probe pods, node shells) follow one at a time, after them, as before on this thread.
        ExecutorService readers = Executors.newFixedThreadPool(PARALLEL_READS, runnable -> {
            Thread thread = new Thread(runnable, "kubelessons-checks");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Verdict>> reads = new ArrayList<>();
            for (CheckSpec check : checks) {
                reads.add(check.needsDataPlane() ? null : readers.submit(() -> evaluator.evaluate(check, context)));
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                verdicts.add(reads.get(i) == null ? null : result(reads.get(i)));
            }
            for (int i = 0; i < checks.size(); i++) {
                if (verdicts.get(i) == null) {
                    verdicts.set(i, evaluator.evaluate(checks.get(i), context));
                }
            }
            return List.copyOf(verdicts);
        } finally {
            readers.shutdownNow();
        }
    }

    private static Verdict result(Future<Verdict> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the checks ran", e);
        } catch (ExecutionException e) {
            // CheckEvaluator turns every exception into a verdict; anything else is our bug.
            throw new IllegalStateException("a check's evaluation failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Waits until every check that can run here passes, or until {@code timeout}; returns the final
     * verdicts either way. The watcher's events wake the wait, so a pass is seen the moment it happens.
     */
    public static List<Verdict> untilPassing(Lesson lesson, CheckContext context, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Verdict> latest = new LinkedHashMap<>();
        Object lock = new Object();
        CountDownLatch[] settled = {new CountDownLatch(1)};
        long[] events = {0}; // verdicts the watcher delivered; guarded by lock
        try (CheckWatcher watcher = new CheckWatcher(lesson.checks(), context, verdict -> {
            synchronized (lock) {
                if (!verdict.check().needsDataPlane()) {
                    latest.put(verdict.id(), verdict);
                }
                events[0]++;
                if (allPass(latest.values())) {
                    settled[0].countDown();
                }
            }
        })) {
            while (true) {
                // Resource checks settle on watch events; data-plane checks (probe pods, node shells)
                // run on demand, with their own bounded retries, once the resources have settled.
                long seen;
                synchronized (lock) {
                    seen = events[0];
                }
                List<Verdict> now = watcher.evaluateAll();
                CountDownLatch wait;
                synchronized (lock) {
                    now.stream().filter(v -> !v.check().needsDataPlane()).forEach(v -> latest.put(v.id(), v));
                    // A fresh evaluation decides: a watch event can show a moment that has already passed
                    // (a Deployment that looked complete before the old ReplicaSet was scaled down).
                    if (allPass(now)) {
                        return now;
                    }
                    if (allPass(latest.values())) {
                        // The resources have settled and the data plane lags behind them (a node turning Ready
                        // after a node script wrote its CNI configuration): no watch event will say when, so look
                        // again after a pause, until the deadline.
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return now;
                        }
                        wait = null;
                    } else if (events[0] != seen) {
                        // Data-plane checks retry for seconds: events that arrived meanwhile are newer than this
                        // evaluation, and waiting for yet another event would sleep until the deadline. Look again.
                        continue;
                    } else {
                        settled[0] = new CountDownLatch(1);
                        wait = settled[0];
                    }
                }
                if (wait == null) {
                    pause(DATA_PLANE_POLL);
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return now;
                }
                try {
                    wait.await(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return now;
                }
            }
        }
    }

    static boolean allPass(Iterable<Verdict> verdicts) {
        for (Verdict verdict : verdicts) {
            if (verdict.status() != Status.PASS && verdict.status() != Status.SKIPPED) {
                return false;
            }
        }
        return true;
    }
}
