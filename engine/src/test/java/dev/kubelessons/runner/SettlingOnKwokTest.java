package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.NodeShell;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.cluster.TestNamespace;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.LessonParser;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * After --solve, a resource check that turns green while a slow data-plane check is still being evaluated must end
 * the wait: that event is newer than the evaluation. (It used to be lost, and verify slept until its 90 s deadline:
 * lessons 01 and 08 took 90 s instead of 3 s to settle on kind.)
 */
@KwokCluster
class SettlingOnKwokTest {

    private static final String LESSON = """
            ---
            id: 97-settle
            title: Settling
            summary: One resource check, one slow node check.
            paths:
              top-down: 97
            duration: 5m
            objectives:
              - Settle
            ---

            ## Settle

            ```yaml check
            id: marker-exists
            title: The config map marker exists
            kind: exists
            resource: {apiVersion: v1, kind: ConfigMap, name: marker}
            hint: Create it.
            explain: There is no config map marker.
            ```

            ```yaml check
            id: node-says-ok
            title: The node says ok
            kind: node-command
            node: worker
            command: [echo, ok]
            outputMatches: ok
            hint: Nothing to do.
            explain: The node did not say ok.
            ```
            """;

    /** A worker that answers slowly, and creates the marker while the first answer is pending (as a rollout would finish). */
    private static final class SlowNode implements NodeShell {
        final AtomicInteger calls = new AtomicInteger();
        final KubernetesClient client;
        final String namespace;

        SlowNode(KubernetesClient client, String namespace) {
            this.client = client;
            this.namespace = namespace;
        }

        @Override
        public String run(String node, List<String> command) {
            if (calls.incrementAndGet() == 1) {
                client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("marker").endMetadata().build()).create();
                pause(); // the watch event for the marker arrives while this evaluation is still running
            }
            return "ok\n";
        }

        private static void pause() {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void anEventDuringASlowEvaluationEndsTheWait(KubernetesClient client, TestNamespace namespace) {
        var parsed = new LessonParser().parse(Path.of("97-settle.md"), LESSON.getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        Lesson lesson = parsed.lesson().orElseThrow();
        SlowNode node = new SlowNode(client, namespace.name());
        CheckContext context = CheckContext.withDataPlane(client, namespace.name(), node);

        // A hang guard, not a performance figure: without the fix this waits for the full 10-minute deadline.
        List<Verdict> verdicts = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> LessonChecks.untilPassing(lesson, context, Duration.ofMinutes(10)));
        assertTrue(verdicts.stream().allMatch(v -> v.status() == Status.PASS), verdicts.toString());
        assertEquals(2, node.calls.get(), "one evaluation before the marker, one fresh evaluation after its event");
    }
}
