package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.ClusterProvider;
import dev.kubelessons.cluster.ClusterStatus;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.report.LessonResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's cluster-level faults (15-cluster-drill: CoreDNS twice, one node's kube-proxy rules, one node's route) on a real API
 * server without nodes to enter: verify reports each fault SKIPPED with the reason, never broken nor restored, while the
 * healthy system's resource check runs; and on a cluster with a data plane that is not the drill's own (the course's kind
 * cluster, a context:) the runner refuses to inject them rather than break a shared kube-system or skip in silence.
 */
@KwokCluster
class ClusterDrillOnKwokTest {

    private static final String DRILL = "15-cluster-drill";

    private static Lesson drill() {
        return new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson(DRILL).orElseThrow();
    }

    @Test
    void onKwokEveryClusterLevelFaultIsSkippedWithItsReasonAndNeverCountsAsRestored(ClusterAccess access) {
        Lesson drill = drill();
        assertEquals(List.of("coredns-scaled-to-zero", "coredns-wrong-zone", "kube-proxy-rules-flushed", "pod-cidr-route-deleted"),
                drill.faults().stream().map(Fault::name).toList());
        assertTrue(drill.faults().stream().allMatch(Fault::isClusterLevel));
        try (ClusterSession session = RunningCluster.session(access, "kld")) {
            List<LessonResult> results = new DrillVerifier(session, session.sandbox("kld"), Duration.ofSeconds(90)).verify(drill, 1);
            assertEquals(List.of(DRILL + " healthy #1", DRILL + " fault coredns-scaled-to-zero #1", DRILL + " fault coredns-wrong-zone #1", DRILL + " fault kube-proxy-rules-flushed #1",
                    DRILL + " fault pod-cidr-route-deleted #1"), results.stream().map(LessonResult::lessonId).toList(), "no 'broken' nor 'restored' result on kwok");
            LessonResult healthy = results.get(0);
            assertEquals(Status.PASS, verdict(healthy, "web-serving").status(), "the resource check of the healthy system runs on kwok");
            assertEquals(Status.SKIPPED, verdict(healthy, "worker-reaches-web-service").status());
            for (LessonResult fault : results.subList(1, results.size())) {
                assertTrue(fault.passed(), fault.lessonId());
                for (Verdict v : fault.verdicts()) {
                    assertEquals(Status.SKIPPED, v.status(), fault.lessonId() + " " + v.id());
                    assertTrue(v.message().contains("a cluster-level fault (a script inside kind node '")
                            && v.message().contains("has no nodes to enter") && v.message().contains("run verify on kind"), v.message());
                }
            }
        }
    }

    @Test
    void onACourseClusterWithADataPlaneTheRunnerRefusesClusterLevelFaults(ClusterAccess access) {
        Lesson drill = drill();
        // kind's name, a data plane, but the course's cluster: not kubelessons-drill, so nothing may enter its nodes.
        try (ClusterSession course = ClusterSession.connect(provider(access), access, "kld")) {
            Optional<String> why = course.noClusterLevelFaults(drill);
            assertTrue(why.isPresent() && why.get().contains("kubelessons-drill"), why.toString());
            PrerequisiteException named = assertThrows(PrerequisiteException.class,
                    () -> FaultChoice.pick(drill, Optional.of("coredns-scaled-to-zero"), true, why, new Random(1)));
            assertTrue(named.getMessage().contains("is cluster-level") && named.nextStep().contains("--cluster kind"), named.getMessage());
            assertThrows(PrerequisiteException.class, () -> FaultChoice.pick(drill, Optional.empty(), true, why, new Random(1)),
                    "no fault left to draw");
            Fault route = drill.faults().get(3);
            PrerequisiteException refused = assertThrows(PrerequisiteException.class,
                    () -> course.solutions().performFault(drill, route.breaks(), "kld-15-cluster-drill"));
            assertTrue(refused.getMessage().contains("runs inside kind node 'worker' of the drill's own cluster"), refused.getMessage());
        }
    }

    private static Verdict verdict(LessonResult result, String id) {
        return result.verdicts().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private static ClusterProvider provider(ClusterAccess access) {
        return new ClusterProvider() {
            public String name() { return "kind"; }
            public void up(PrintWriter out) { }
            public void down(PrintWriter out) { }
            public ClusterStatus status() { throw new UnsupportedOperationException(); }
            public ClusterAccess access() { return access; }
            public boolean hasDataPlane() { return true; }
        };
    }
}
