package dev.kubelessons.runner;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.report.LessonResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves a drill tests itself: its healthy system passes every check; then, fault by fault, the checks the fault names
 * fail once it is injected, and every check passes again after the fault's restore. A fault only a data plane shows is
 * reported SKIPPED, with the reason, on a cluster without one (kwok), and is not injected there; so is a cluster-level fault
 * anywhere but on the drill's own kind cluster.
 */
public final class DrillVerifier {

    private final ClusterSession session;
    private final Sandbox sandbox;
    private final Duration settleTimeout;

    public DrillVerifier(ClusterSession session, Sandbox sandbox, Duration settleTimeout) {
        this.session = session;
        this.sandbox = sandbox;
        this.settleTimeout = settleTimeout;
    }

    /** "healthy", then "broken" and "restored" per fault, all in one namespace, as an incident would go. */
    public List<LessonResult> verify(Lesson lesson, int round) {
        List<LessonResult> results = new ArrayList<>();
        try {
            sandbox.reset(lesson);
            CheckContext context = session.checkContext(lesson, sandbox);
            String namespace = sandbox.namespace(lesson);
            long start = System.nanoTime();
            results.add(new LessonResult(lesson.id() + " healthy #" + round, lesson.title() + " (the healthy system: every check must pass)",
                    LessonChecks.untilPassing(lesson, context, settleTimeout), elapsed(start)));
            for (Fault fault : lesson.faults()) {
                results.addAll(prove(lesson, fault, context, namespace, round));
            }
        } finally {
            sandbox.discard(lesson);
        }
        return results;
    }

    private List<LessonResult> prove(Lesson lesson, Fault fault, CheckContext context, String namespace, int round) {
        String name = lesson.id() + " fault " + fault.name();
        java.util.Optional<String> noClusterLevel = fault.isClusterLevel() ? session.noClusterLevelFaults(lesson) : java.util.Optional.empty();
        if (noClusterLevel.isPresent()) {
            String reason = "a cluster-level fault (a script inside kind node '" + fault.breaks().node().orElseThrow() + "'), and "
                    + noClusterLevel.get() + "; run verify on kind, where the drill gets a cluster of its own";
            List<Verdict> skipped = FaultChecks.catching(lesson, fault).stream().map(check -> Verdict.skipped(check, reason)).toList();
            return List.of(new LessonResult(name + " #" + round, fault.title() + " (skipped here)", skipped, Duration.ZERO));
        }
        if (!context.hasDataPlane() && lesson.needsDataPlane(fault)) {
            String reason = "only a data plane shows this fault, and " + context.noDataPlaneReason().orElse("this cluster has none")
                    + "; run verify on kind to prove it";
            List<Verdict> skipped = FaultChecks.catching(lesson, fault).stream().map(check -> Verdict.skipped(check, reason)).toList();
            return List.of(new LessonResult(name + " #" + round, fault.title() + " (skipped here)", skipped, Duration.ZERO));
        }
        long start = System.nanoTime();
        session.solutions().performFault(lesson, fault.breaks(), namespace);
        List<Verdict> broken = FaultChecks.untilCaught(lesson, fault, context, settleTimeout).stream().map(LessonVerifier::mustFail).toList();
        LessonResult brokenResult = new LessonResult(name + " broken #" + round, fault.title() + " (injected: the checks that catch it must fail)",
                broken, elapsed(start));
        long restoreStart = System.nanoTime();
        session.solutions().performFault(lesson, fault.restores(), namespace);
        List<Verdict> restored = LessonChecks.untilPassing(lesson, context, settleTimeout);
        return List.of(brokenResult, new LessonResult(name + " restored #" + round, fault.title() + " (restored: every check must pass)",
                restored, elapsed(restoreStart)));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
