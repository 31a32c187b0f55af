package dev.kubelessons.runner;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest verdict of each check of a lesson, and what follows from them: which steps are done (PASS or
 * SKIP), where to resume, whether the lesson is finished and how many of its checks went unproven (skipped).
 */
final class VerdictLedger {

    private final Lesson lesson;
    private final Map<String, Verdict> latest = new ConcurrentHashMap<>();

    VerdictLedger(Lesson lesson) {
        this.lesson = lesson;
    }

    /** Records {@code verdict}; returns the one it replaces, or null. */
    Verdict put(Verdict verdict) {
        return latest.put(verdict.id(), verdict);
    }

    List<Verdict> of(Step step) {
        return step.checks().stream().map(c -> latest.get(c.info().id())).filter(Objects::nonNull).toList();
    }

    List<Verdict> all() {
        return lesson.checks().stream().map(c -> latest.get(c.info().id())).filter(Objects::nonNull).toList();
    }

    boolean done(Step step) {
        return done(step, latest);
    }

    static boolean done(Step step, Map<String, Verdict> verdicts) {
        return step.checks().stream().map(c -> verdicts.get(c.info().id()))
                .allMatch(v -> v != null && (v.status() == Status.PASS || v.status() == Status.SKIPPED));
    }

    /** How many of {@code step}'s checks were skipped in {@code verdicts}: passable, but proven by nothing. */
    static int skipped(Step step, Map<String, Verdict> verdicts) {
        return (int) step.checks().stream().map(c -> verdicts.get(c.info().id()))
                .filter(v -> v != null && v.status() == Status.SKIPPED).count();
    }

    boolean lessonDone() {
        return lesson.steps().stream().allMatch(this::done);
    }

    int unproven() {
        return (int) all().stream().filter(v -> v.status() == Status.SKIPPED).count();
    }

    /** The first step with a check that does not pass yet; the first step when all do. */
    int firstUnfinishedStep() {
        for (int i = 0; i < lesson.steps().size(); i++) {
            if (!done(lesson.steps().get(i))) {
                return i;
            }
        }
        return 0;
    }
}
