package dev.kubelessons.instructor;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.ContextProvider;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.LessonChecks;
import dev.kubelessons.runner.RunningCluster;
import dev.kubelessons.runner.WorkshopSandbox;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attendee runs a lesson with only their own kubeconfig: the runner works in the provisioned namespace, never creates one. */
@KwokCluster
class AttendeeRunnerOnKwokTest {

    @TempDir
    Path out;

    @Test
    void anAttendeeChecksSolvesAndResetsInTheirProvisionedNamespace(KubernetesClient admin, ClusterAccess access) {
        Lesson lesson = WorkshopFixture.lesson("02-deployments");
        String attendee = WorkshopFixture.names("ana").get(0);
        Path kubeconfig = WorkshopFixture.provision(admin, access, List.of(attendee), List.of(lesson), out).get(0);
        String context = KubeConfigUtils.parseConfig(kubeconfig.toFile()).getCurrentContext();
        ClusterAccess attendeeAccess = new ClusterAccess(kubeconfig, context);
        assertEquals(Optional.of(WorkshopNames.home(attendee)), WorkshopSandbox.homeOf(attendeeAccess));
        try (ClusterSession session = RunningCluster.session(attendeeAccess, "kl")) {
            String namespace = session.sandbox().namespace(lesson);
            assertEquals(WorkshopNames.lesson(attendee, lesson.id()), namespace);
            assertFalse(session.sandbox().ensure(lesson), "the namespace was provisioned, not created by the attendee");

            List<Verdict> fresh = LessonChecks.now(lesson, session.checkContext(lesson));
            assertTrue(fresh.stream().allMatch(v -> v.status() == Status.FAIL), fresh.toString());
            session.solutions().solve(lesson, namespace);
            List<Verdict> solved = LessonChecks.untilPassing(lesson, session.checkContext(lesson), Duration.ofSeconds(90));
            assertTrue(solved.stream().allMatch(v -> v.status() == Status.PASS), solved.toString());

            session.sandbox().reset(lesson);
            List<Verdict> again = LessonChecks.now(lesson, session.checkContext(lesson));
            assertTrue(again.stream().allMatch(v -> v.status() == Status.FAIL), again.toString());
            assertNotNull(admin.rbac().roles().inNamespace(namespace).withName(WorkshopNames.ROLE).get(), "reset must keep the instructor's Role");
            assertNotNull(admin.resourceQuotas().inNamespace(namespace).withName(WorkshopNames.ROLE).get(), "reset must keep the quota");
        }
    }

    @Test
    void anAttendeesOwnContextSeesKwokNodesSoItsRunnerSkipsDataPlaneChecksAsTheBoardDoes(KubernetesClient admin, ClusterAccess access) {
        Lesson lesson = WorkshopFixture.lesson("03-clusterip");
        String attendee = WorkshopFixture.names("cat").get(0);
        Path kubeconfig = WorkshopFixture.provision(admin, access, List.of(attendee), List.of(lesson), out).get(0);
        try {
            String context = KubeConfigUtils.parseConfig(kubeconfig.toFile()).getCurrentContext();
            String before = System.getProperty("kubeconfig");
            System.setProperty("kubeconfig", kubeconfig.toString());
            ContextProvider provider;
            try {
                provider = new ContextProvider(context);
                assertFalse(provider.hasDataPlane(), "the attendee may read nodes, so their runner knows these are kwok's");
            } finally {
                if (before == null) {
                    System.clearProperty("kubeconfig");
                } else {
                    System.setProperty("kubeconfig", before);
                }
            }
            try (KubernetesClient a = WorkshopFixture.clientOf(kubeconfig)) {
                assertFalse(a.nodes().list().getItems().isEmpty());
                KubernetesClientException e = assertThrows(KubernetesClientException.class, () -> a.nodes().withName(
                        a.nodes().list().getItems().get(0).getMetadata().getName()).edit(n -> { n.getMetadata().getLabels().put("x", "y"); return n; }));
                assertEquals(403, e.getCode(), "read only");
            }
            try (ClusterSession session = ClusterSession.connect(provider, new ClusterAccess(kubeconfig, context), "kl")) {
                List<Verdict> verdicts = LessonChecks.now(lesson, session.checkContext(lesson));
                List<Verdict> dataPlane = verdicts.stream().filter(v -> v.status() == Status.SKIPPED).toList();
                assertFalse(dataPlane.isEmpty(), verdicts.toString());
                assertTrue(verdicts.stream().noneMatch(v -> v.status() == Status.ERROR), verdicts.toString());
                dataPlane.forEach(v -> assertTrue(v.message().contains("no data plane"), v.message()));
            }
        } finally {
            new Teardown(admin).remove(List.of(attendee), false);
            assertTrue(admin.rbac().clusterRoleBindings().withName(AttendeeResources.NODE_READER + "-" + attendee).get() == null,
                    "teardown removes the attendee's node-reading binding");
        }
    }
}
