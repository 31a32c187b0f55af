package dev.kubelessons.instructor;

import dev.kubelessons.check.Status;
import dev.kubelessons.failure.KubelessonsException;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.report.LessonResult;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.DrillVerifier;
import dev.kubelessons.runner.LessonVerifier;
import dev.kubelessons.runner.Sandbox;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The dress rehearsal: each workshop lesson must fail unsolved and pass solved on the target cluster (a drill: pass healthy,
 * each fault caught, then restored); prints GO or NO-GO per lesson.
 */
public final class Rehearsal {

    private final ClusterSession session;
    private final Sandbox sandbox;
    private final Duration settle;

    /** Verifies as the session's user in namespaces of its own (klv-), as {@code verify} does. */
    public Rehearsal(ClusterSession session, Duration settle) {
        this(session, session.sandbox("klv"), settle);
    }

    public Rehearsal(ClusterSession session, Sandbox sandbox, Duration settle) {
        this.session = session;
        this.sandbox = sandbox;
        this.settle = settle;
    }

    /** Returns true when every lesson is a go. */
    public boolean run(List<Lesson> lessons, PrintWriter out) {
        LessonVerifier verifier = new LessonVerifier(session, sandbox, settle);
        // A drill starts healthy (its checks pass before any solution) and is proven fault by fault, as 'verify' does.
        DrillVerifier drills = new DrillVerifier(session, sandbox, settle);
        out.println("rehearsal on " + session.provider().name() + (session.provider().hasDataPlane() ? "" : " (no data plane: those checks are skipped)"));
        int go = 0;
        for (Lesson lesson : lessons) {
            long start = System.nanoTime();
            List<String> problems;
            int skipped = 0;
            try {
                List<LessonResult> results = lesson.isDrill() ? drills.verify(lesson, 1) : verifier.verify(lesson, 1);
                problems = results.stream().flatMap(r -> r.verdicts().stream().filter(v -> v.status() == Status.FAIL || v.status() == Status.ERROR)
                        .map(v -> r.lessonId() + ": " + v.id() + ": " + v.message())).toList();
                skipped = (int) results.get(results.size() - 1).verdicts().stream().filter(v -> v.status() == Status.SKIPPED).count();
            } catch (KubelessonsException e) {
                problems = List.of(e.getMessage());
            }
            String time = String.format("%.1f s", (System.nanoTime() - start) / 1e9);
            out.println((problems.isEmpty() ? "GO     " : "NO-GO  ") + lesson.id() + "  (" + time + (skipped > 0 ? ", " + skipped + " skipped" : "") + ")");
            problems.forEach(p -> out.println("         " + p));
            out.flush();
            go += problems.isEmpty() ? 1 : 0;
        }
        boolean all = go == lessons.size();
        out.println(all ? "GO: all " + lessons.size() + " lesson(s) fail unsolved and pass solved here"
                : "NO-GO: " + (lessons.size() - go) + " of " + lessons.size() + " lesson(s) are not ready, see above");
        return all;
    }
}
