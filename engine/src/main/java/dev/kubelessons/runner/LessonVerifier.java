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

    /**
     * The data plane follows the API asynchronously: a NetworkPolicy the setup created is enforced once the node
     * agents have programmed it, a moment later (seconds on a loaded machine). A check that passes on the fresh
     * namespace is therefore asked again after this pause before it is called one that cannot fail.
     */
    static final Duration DATA_PLANE_SETTLE = Duration.ofSeconds(5);

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
            if (before.stream().anyMatch(v -> v.status() == Status.PASS)) {
                pause(DATA_PLANE_SETTLE);
                before = confirmPasses(before, LessonChecks.now(lesson, context));
            }
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

    /** A first PASS stands only if the second look passes too; everything else keeps its first verdict. */
    static List<Verdict> confirmPasses(List<Verdict> first, List<Verdict> second) {
        List<Verdict> merged = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            boolean recheckedFail = i < second.size() && second.get(i).status() == Status.FAIL
                    && second.get(i).check().equals(first.get(i).check());
            merged.add(first.get(i).status() == Status.PASS && recheckedFail ? second.get(i) : first.get(i));
        }
        return merged;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
