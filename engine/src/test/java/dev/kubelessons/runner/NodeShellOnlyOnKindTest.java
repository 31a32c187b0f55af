package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.ClusterProvider;
import dev.kubelessons.cluster.ClusterStatus;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.Fixtures;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;

/**
 * Node checks enter kind's node containers with docker exec: on any other cluster with a data plane (a workshop's
 * context:) there is no such container, so the check context has no node shell and node checks are SKIPPED with the
 * reason instead of failing on "No such container" (issue 13: the runner and the board disagreed).
 */
@KwokCluster
class NodeShellOnlyOnKindTest {

    @Test
    void aContextClusterWithADataPlaneGetsNoNodeShell(ClusterAccess access) {
        Lesson lesson = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson("03-clusterip").orElseThrow();
        try (ClusterSession context = ClusterSession.connect(provider("context:workshop", access), access, "kln");
             ClusterSession kind = ClusterSession.connect(provider("kind", access), access, "kln")) {
            CheckContext onContext = context.checkContext(lesson);
            assertTrue(onContext.hasDataPlane());
            assertTrue(onContext.nodeShell().isEmpty(), "no docker exec into a workshop cluster's nodes");
            assertEquals(true, kind.checkContext(lesson).nodeShell().isPresent(), "kind's nodes are containers");
        }
    }

    @Test
    void aLessonWithAClusterOfItsOwnNeverEntersTheCoursesNodes(ClusterAccess access) {
        // 13-cni-by-hand's node scripts delete CNI configurations and routes: on the course's cluster they would cut every
        // other lesson's pods off, so its node checks and scripts run only on kubelessons-cni.
        Lesson own = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson("13-cni-by-hand").orElseThrow();
        try (ClusterSession course = ClusterSession.connect(provider("kind", access), access, "kln")) {
            assertTrue(course.checkContext(own).nodeShell().isEmpty(), "no node shell for 13 on the course's cluster");
        }
    }

    /** A provider that runs and has a data plane, under a given name: only the name differs between the two. */
    private static ClusterProvider provider(String name, ClusterAccess access) {
        return new ClusterProvider() {
            public String name() { return name; }
            public void up(PrintWriter out) { }
            public void down(PrintWriter out) { }
            public ClusterStatus status() { throw new UnsupportedOperationException(); }
            public ClusterAccess access() { return access; }
            public boolean hasDataPlane() { return true; }
        };
    }
}
