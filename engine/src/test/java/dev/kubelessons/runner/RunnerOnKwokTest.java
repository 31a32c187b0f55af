package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.report.JunitReport;
import dev.kubelessons.report.LessonResult;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The runner against the real kwok API server: lesson 03-clusterip fails fresh, passes solved, and checks react to events. */
@KwokCluster
class RunnerOnKwokTest {

    private static Lesson clusterIp() {
        return new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson("03-clusterip").orElseThrow();
    }

    private static ClusterSession session(ClusterAccess access, String prefix) {
        return RunningCluster.session(access, prefix);
    }

    @Test
    void checkFailsOnAFreshNamespaceAndSolvePassesWithValidJunit(ClusterAccess access) throws Exception {
        Lesson lesson = clusterIp();
        try (ClusterSession session = session(access, "klt1")) {
            assertTrue(session.sandbox().ensure(lesson));
            try {
                List<Verdict> before = LessonChecks.now(lesson, session.checkContext(lesson));
                for (Verdict verdict : before) {
                    if (verdict.check().needsDataPlane()) {
                        assertEquals(Status.SKIPPED, verdict.status(), verdict.id() + " must be SKIPPED on kwok");
                        assertTrue(verdict.message().contains("no data plane"), verdict.message());
                    } else {
                        assertEquals(Status.FAIL, verdict.status(), verdict.id() + ": " + verdict.message());
                        assertTrue(!verdict.message().isBlank());
                    }
                }
                session.solutions().solve(lesson, session.sandbox().namespace(lesson));
                List<Verdict> after = LessonChecks.untilPassing(lesson, session.checkContext(lesson), Duration.ofSeconds(90));
                after.forEach(v -> assertTrue(v.status() == Status.PASS || (v.check().needsDataPlane() && v.status() == Status.SKIPPED),
                        v.id() + " is " + v.status() + ": " + v.message()));
                String xml = new JunitReport().render(List.of(new LessonResult(lesson.id(), lesson.title(), after, Duration.ofSeconds(1))));
                var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                assertEquals(after.size(), document.getElementsByTagName("testcase").getLength());
                assertEquals("0", document.getDocumentElement().getElementsByTagName("testsuite").item(0).getAttributes().getNamedItem("failures").getNodeValue());
            } finally {
                session.sandbox().delete(lesson);
            }
        }
    }

    @Test
    void aCheckFlipsFromFailToPassOnTheEventOfTheLearnersChange(ClusterAccess access) throws Exception {
        Lesson lesson = clusterIp();
        try (ClusterSession session = session(access, "klt2")) {
            session.sandbox().reset(lesson);
            try {
                BlockingQueue<Verdict> events = new LinkedBlockingQueue<>();
                try (CheckWatcher watcher = new CheckWatcher(lesson.checks(), session.checkContext(lesson), events::add)) {
                    Verdict initial = watcher.evaluateAll().stream().filter(v -> v.id().equals("service-exists")).findFirst().orElseThrow();
                    assertEquals(Status.FAIL, initial.status());
                    // The learner applies the step's Service manifest (the first yaml solution block that holds a Service).
                    var serviceBlock = lesson.blocks(BlockRole.SOLUTION).stream().filter(b -> b.isYaml() && b.content().contains("kind: Service"))
                            .findFirst().or(() -> lesson.blocks(BlockRole.APPLY).stream().filter(b -> b.content().contains("kind: Service")).findFirst())
                            .orElseThrow();
                    new ManifestApplier(session.client()).apply(serviceBlock, session.sandbox().namespace(lesson), lesson.id());
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    Verdict flipped = null;
                    while (flipped == null && System.nanoTime() < deadline) {
                        Verdict event = events.poll(1, TimeUnit.SECONDS);
                        // The watcher may first report the initial FAIL it saw at start; wait for the flip.
                        if (event != null && event.id().equals("service-exists") && event.status() == Status.PASS) {
                            flipped = event;
                        }
                    }
                    assertTrue(flipped != null, "no PASS event for service-exists within 30 s of the change");
                    assertEquals(Status.PASS, flipped.status(), flipped.message());
                }
            } finally {
                session.sandbox().delete(lesson);
            }
        }
    }

    @Test
    void aNamespaceThatIsNotOursIsNeverTouched(KubernetesClient client, ClusterAccess access) {
        Lesson lesson = clusterIp();
        String name = "klt3-" + lesson.id();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        try (ClusterSession session = session(access, "klt3")) {
            PrerequisiteException refused = assertThrows(PrerequisiteException.class, () -> session.sandbox().reset(lesson));
            assertTrue(refused.getMessage().contains("not created by kubelessons"), refused.getMessage());
            assertNotEquals(null, client.namespaces().withName(name).get());
        } finally {
            client.namespaces().withName(name).delete();
        }
    }

    @Test
    void verifyProvesTheLessonFailsUnsolvedAndPassesSolved(ClusterAccess access) {
        Lesson lesson = clusterIp();
        try (ClusterSession session = session(access, "klt4")) {
            List<LessonResult> results = new LessonVerifier(session, Duration.ofSeconds(90)).verify(lesson, 1);
            assertEquals(2, results.size());
            results.forEach(r -> assertTrue(r.passed(), r.lessonId() + ": " + r.verdicts()));
            assertTrue(results.get(0).count(Status.PASS) > 0, "the unsolved phase must have checks that really failed");
        }
    }
}
