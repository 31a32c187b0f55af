package dev.kubelessons.runner;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.report.LessonResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves a lesson tests itself: on a fresh namespace every check that can run must FAIL,
 * after the reference solution every one must PASS. Runs in its own namespace prefix so a
 * learner's work in progress is never touched.
 */
public final class LessonVerifier {

    private final ClusterSession session;
    private final Sandbox sandbox;
    private final SolutionRunner solutions;
    private final Duration settleTimeout;

    public LessonVerifier(ClusterSession session, Duration settleTimeout) {
        this(session, session.sandbox("klv"), settleTimeout);
    }

    /** Verifies in {@code sandbox}, e.g. a workshop attendee's namespaces for the instructor's dress rehearsal. */
    public LessonVerifier(ClusterSession session, Sandbox sandbox, Duration settleTimeout) {
        this.session = session;
        this.sandbox = sandbox;
        this.solutions = session.solutions();
        this.settleTimeout = settleTimeout;
    }

    /** Two results per round: "unsolved" (each check must fail) and "solved" (each must pass). */
    public List<LessonResult> verify(Lesson lesson, int round) {
        List<LessonResult> results = new ArrayList<>();
        long start = System.nanoTime();
        try {
            sandbox.reset(lesson);
            var context = session.checkContext(lesson, sandbox);
            List<Verdict> before = LessonChecks.now(lesson, context);
            results.add(new LessonResult(lesson.id() + " unsolved #" + round, lesson.title() + " (before the solution: every check must fail)",
                    before.stream().map(LessonVerifier::mustFail).toList(), elapsed(start)));
            long solvedStart = System.nanoTime();
            solutions.solve(lesson, sandbox.namespace(lesson));
            List<Verdict> after = LessonChecks.untilPassing(lesson, context, settleTimeout);
            results.add(new LessonResult(lesson.id() + " solved #" + round, lesson.title() + " (after the solution: every check must pass)",
                    after, elapsed(solvedStart)));
        } finally {
            sandbox.discard(lesson);
        }
        return results;
    }

    /** Inverts a verdict for the unsolved phase: a FAIL is what we want, a PASS means the check cannot fail. */
    static Verdict mustFail(Verdict verdict) {
        return switch (verdict.status()) {
            case FAIL -> new Verdict(verdict.check(), Status.PASS, verdict.actual(), verdict.expected(), "fails as it should: " + verdict.message());
            case PASS -> new Verdict(verdict.check(), Status.FAIL, verdict.actual(), "a failing check on a fresh namespace",
                    "the check passes before its solution is applied, so it proves nothing");
            case SKIPPED, ERROR -> verdict;
        };
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
