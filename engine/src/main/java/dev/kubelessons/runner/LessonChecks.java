package dev.kubelessons.runner;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Lesson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a lesson's checks once, or waits (on watch events, not polling) until they settle:
 * after --solve the cluster needs a moment for pods to roll out and endpoints to fill.
 */
public final class LessonChecks {

    private LessonChecks() {
    }

    /** Every check, evaluated now. */
    public static List<Verdict> now(Lesson lesson, CheckContext context) {
        try (CheckWatcher watcher = new CheckWatcher(lesson.checks(), context, verdict -> { })) {
            return watcher.evaluateAll();
        }
    }

    /**
     * Waits until every check that can run here passes, or until {@code timeout}; returns the final
     * verdicts either way. The watcher's events wake the wait, so a pass is seen the moment it happens.
     */
    public static List<Verdict> untilPassing(Lesson lesson, CheckContext context, Duration timeout) {
        Map<String, Verdict> latest = new LinkedHashMap<>();
        CountDownLatch settled = new CountDownLatch(1);
        Object lock = new Object();
        try (CheckWatcher watcher = new CheckWatcher(lesson.checks(), context, verdict -> {
            synchronized (lock) {
                if (!verdict.check().needsDataPlane()) {
                    latest.put(verdict.id(), verdict);
                }
                if (allPass(latest.values())) {
                    settled.countDown();
                }
            }
        })) {
            synchronized (lock) {
                // Resource checks settle on watch events; data-plane checks (probe pods, node shells)
                // are run on demand, with their own bounded retries, once the resources have settled.
                for (Verdict verdict : watcher.evaluateAll()) {
                    if (!verdict.check().needsDataPlane()) {
                        latest.put(verdict.id(), verdict);
                    }
                }
                if (allPass(latest.values())) {
                    settled.countDown();
                }
            }
            try {
                settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return watcher.evaluateAll();
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
