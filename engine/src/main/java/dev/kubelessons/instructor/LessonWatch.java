package dev.kubelessons.instructor;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckEvaluator;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.check.VerdictListener;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attendee's lesson namespace under the instructor's evaluation: a CheckWatcher feeding the board's cell, the
 * data-plane checks once the resources are right, and a catch-up when the cluster comes back after a blip. Verdicts are
 * recorded under this object's lock, so a catch-up can never overwrite a newer verdict of the watcher.
 */
final class LessonWatch {

    private final String attendee;
    private final Lesson lesson;
    private final CheckContext context;
    private final Board board;
    private final CheckEvaluator evaluator;
    private final ExecutorService pool;
    private final Runnable onWatchProblem;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile CheckWatcher watcher;

    LessonWatch(String attendee, Lesson lesson, CheckContext context, Board board, CheckEvaluator evaluator, ExecutorService pool,
                Runnable onWatchProblem) {
        this.attendee = attendee;
        this.lesson = lesson;
        this.context = context;
        this.board = board;
        this.evaluator = evaluator;
        this.pool = pool;
        this.onWatchProblem = onWatchProblem;
    }

    /** Starts the watcher (lists the namespace first, so it blocks: run it on the pool); a no-op once closed. */
    void begin() {
        if (closed.get()) {
            return;
        }
        board.clear(attendee, lesson.id());
        for (CheckSpec check : lesson.checks()) {
            if (check.needsDataPlane() && !context.hasDataPlane()) {
                board.record(attendee, lesson.id(), check.info().id(), "SKIPPED", context.noDataPlaneReason().orElse(""), "cluster", true);
            }
        }
        Set<String> seen = new HashSet<>();
        CheckWatcher started = new CheckWatcher(lesson.checks(), context, new VerdictListener() {
            @Override
            public void onVerdict(Verdict verdict) {
                record(verdict, seen.add(verdict.id()));
                if (context.hasDataPlane() && resourceChecksPass() && probing.compareAndSet(false, true)) {
                    pool.execute(LessonWatch.this::probe);
                }
            }

            @Override
            public void onWatchProblem(String message) {
                board.watchProblem(attendee, lesson.id(), message);
                onWatchProblem.run();
            }
        });
        watcher = started;
        if (closed.get()) {
            started.close();
        }
    }

    String attendee() {
        return attendee;
    }

    boolean started() {
        return watcher != null;
    }

    /**
     * The cluster is back. The informers resume by themselves and report what changed, but a watcher re-evaluates only on
     * events: the cell's watch problem, and a check that ran into the outage (ERROR), would otherwise stay until the attendee acts.
     */
    void catchUp() {
        board.watchResumed(attendee, lesson.id());
        List<String> errored = board.erroredChecks(attendee, lesson.id());
        for (CheckSpec check : lesson.checks()) {
            if (errored.contains(check.info().id()) && !check.needsDataPlane() && !closed.get()) {
                synchronized (this) {
                    record(evaluator.evaluate(check, context), true);
                }
            }
        }
    }

    /** Data-plane checks start probe pods, so they run only once the resources are right, and one batch at a time per cell. */
    private void probe() {
        try {
            for (CheckSpec check : lesson.checks()) {
                if (check.needsDataPlane() && !closed.get()) {
                    record(evaluator.evaluate(check, context), false);
                }
            }
        } finally {
            probing.set(false);
        }
    }

    private synchronized void record(Verdict verdict, boolean baseline) {
        board.record(attendee, lesson.id(), verdict.id(), verdict.status().name(), verdict.message(), "cluster", baseline);
    }

    private boolean resourceChecksPass() {
        return board.rows().getOrDefault(attendee, List.of()).stream().filter(v -> v.lesson().equals(lesson.id()))
                .flatMap(v -> v.checks().stream())
                .filter(row -> lesson.checks().stream().anyMatch(c -> c.info().id().equals(row.id()) && !c.needsDataPlane()))
                .allMatch(CheckRow::passed);
    }

    /** The namespace is gone (or the board stops): a late begin() does nothing, a running watcher stops on the pool. */
    void close(boolean now) {
        closed.set(true);
        CheckWatcher running = watcher;
        if (running != null) {
            if (now) {
                running.close();
                return;
            }
            try {
                pool.execute(running::close);
            } catch (RejectedExecutionException e) {
                running.close();
            }
        }
    }
}
