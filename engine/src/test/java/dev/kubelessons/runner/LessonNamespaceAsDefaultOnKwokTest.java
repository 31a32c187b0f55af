package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner follows lesson 03's advice, {@code kubectl config set-context --current --namespace kl-03-clusterip}: the runner
 * must keep working in kl-03-clusterip, not take the learner for a workshop attendee whose home is kl-03-clusterip.
 */
@KwokCluster
class LessonNamespaceAsDefaultOnKwokTest {

    @TempDir
    Path dir;

    @Test
    void aLessonNamespaceAsTheContextsDefaultIsStillTheLessonNamespace(ClusterAccess access) throws Exception {
        Lesson lesson = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson("03-clusterip").orElseThrow();
        Path kubeconfig = dir.resolve("config");
        Files.copy(access.kubeconfig(), kubeconfig);
        // What the lesson tells the learner to run, by the real kubectl on a copy of the test cluster's kubeconfig.
        Process kubectl = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "config", "set-context",
                access.context(), "--namespace", "kl-03-clusterip").redirectErrorStream(true).start();
        assertTrue(kubectl.waitFor(30, TimeUnit.SECONDS) && kubectl.exitValue() == 0, new String(kubectl.getInputStream().readAllBytes()));
        ClusterAccess learner = new ClusterAccess(kubeconfig, access.context());
        assertEquals("kl-03-clusterip", learner.config().getNamespace(), "the copy's context now defaults to the lesson namespace");

        assertTrue(WorkshopSandbox.homeOf(learner).isEmpty(), "a learner's context is no attendee's");
        try (ClusterSession session = RunningCluster.session(learner, "kl")) {
            assertInstanceOf(LessonSandbox.class, session.sandbox());
            assertEquals("kl-03-clusterip", session.sandbox().namespace(lesson));
            assertEquals("kl-03-clusterip", session.checkContext(lesson).namespace());
        }
    }
}
