package dev.kubelessons.runner;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import java.time.Duration;
import java.util.List;

/** The checks that catch one fault of a drill, and the wait until they all fail once it is injected. */
final class FaultChecks {

    private static final Duration POLL = Duration.ofMillis(500);

    private FaultChecks() {
    }

    /** The lesson's checks that the fault names in 'caught-by', in lesson order. */
    static List<CheckSpec> catching(Lesson lesson, Fault fault) {
        return lesson.checks().stream().filter(c -> fault.caughtBy().contains(c.info().id())).toList();
    }

    /**
     * Evaluates the catching checks until every one that can run here fails, or until {@code timeout}: the cluster
     * (a rollout, the node agents) takes a moment to show a fault, as it does to show a fix.
     */
    static List<Verdict> untilCaught(Lesson lesson, Fault fault, CheckContext context, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (CheckWatcher watcher = new CheckWatcher(catching(lesson, fault), context, verdict -> { })) {
            while (true) {
                List<Verdict> now = watcher.evaluateAll();
                boolean caught = now.stream().allMatch(v -> v.status() == Status.FAIL || v.status() == Status.SKIPPED)
                        && now.stream().anyMatch(v -> v.status() == Status.FAIL);
                if (caught || System.nanoTime() > deadline) {
                    return now;
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return now;
                }
            }
        }
    }
}
