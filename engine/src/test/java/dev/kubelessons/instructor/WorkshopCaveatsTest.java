package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.lesson.Lesson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The course's own lessons: which of them the instructor is warned about, on which fence. */
class WorkshopCaveatsTest {

    private static final List<Lesson> COURSE = List.of("02-deployments", "06-ingress", "07-networkpolicy", "11-managed-clusters")
            .stream().map(WorkshopFixture::lesson).toList();

    @Test
    void ingressLessonsAreFlaggedOnEveryFenceAndPolicyLessonsOnlyOnTheNamespaceFence() {
        List<String> clusterFence = WorkshopCaveats.of(COURSE, NetworkFence.CLUSTER_POLICY);
        assertEquals(1, clusterFence.size(), clusterFence.toString());
        assertTrue(clusterFence.get(0).startsWith("06-ingress create Ingresses"), clusterFence.get(0));

        List<String> namespaceFence = WorkshopCaveats.of(COURSE, NetworkFence.NAMESPACE_POLICY);
        assertEquals(2, namespaceFence.size(), namespaceFence.toString());
        assertTrue(namespaceFence.get(0).startsWith("07-networkpolicy, 11-managed-clusters create NetworkPolicies"), namespaceFence.get(0));

        assertEquals(List.of(), WorkshopCaveats.of(List.of(COURSE.get(0)), NetworkFence.NAMESPACE_POLICY));
    }
}
