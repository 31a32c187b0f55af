package dev.kubelessons.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.runner.FaultChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill format: the course's drill parses into eight faults, a broken drill is reported at its lines, and a fault is drawn only among those the cluster can show. */
class DrillFormatTest {

    private static Lesson courseDrill() {
        CourseLoader.Loaded loaded = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons"));
        assertEquals(List.of(), loaded.problems());
        return loaded.course().lesson("12-checkout-drill").orElseThrow();
    }

    @Test
    void theCoursesDrillHasEightFaultsAcrossTheLayers() {
        Lesson drill = courseDrill();
        assertTrue(drill.isDrill());
        assertEquals(List.of("checkout-ingress-deny", "dns-egress-cut", "selector-typo", "scaled-to-zero", "target-port-name",
                "readiness-wrong-port", "checkout-egress-lockdown", "payments-target-port"), drill.faults().stream().map(Fault::name).toList());
        assertEquals(70, drill.positionOn(LearningPath.named("sre")));
        Fault deny = drill.faults().get(0);
        assertEquals("yaml", deny.breaks().language(), "a manifest is applied");
        assertEquals("sh", deny.restores().language(), "kubectl commands are run");
        assertTrue(deny.breaks().content().startsWith("apiVersion: networking.k8s.io/v1"), deny.breaks().content());
        // The break manifest's first line is where the lesson file has it, so apply errors point into the lesson.
        List<String> lines = readLines(drill.source());
        assertEquals("  apiVersion: networking.k8s.io/v1", lines.get(deny.breaks().contentLine() - 1));
        assertEquals(List.of("selector-typo", "scaled-to-zero"), drill.faults().stream().filter(f -> !drill.needsDataPlane(f)).map(Fault::name).toList(),
                "only these two show without a data plane");
    }

    @Test
    void everyLessonOfTheSrePathHasItsPrerequisitesEarlierOnIt() {
        CourseLoader.Loaded loaded = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons"));
        List<Lesson> sre = loaded.course().path(LearningPath.named("sre"));
        assertEquals("15-cluster-drill", sre.get(sre.size() - 1).id());
        Set<String> seen = new HashSet<>();
        for (Lesson lesson : sre) {
            assertTrue(seen.containsAll(lesson.prerequisites()), lesson.id() + " needs " + lesson.prerequisites() + ", seen " + seen);
            seen.add(lesson.id());
        }
    }

    @Test
    void aBrokenDrillIsReportedAtItsLines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01-drill.md"), """
                ---
                id: 01-drill
                title: A drill
                summary: s
                paths: {sre: 1}
                duration: 5m
                ---

                ## Keep it up

                ```yaml setup
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                ```

                ```yaml check
                id: c-exists
                title: c exists
                kind: exists
                resource: {kind: ConfigMap, name: c}
                hint: h
                ```

                ```yaml fault
                name: gone
                title: c deleted
                symptom: s
                cause: c
                shows: kubectl get configmap
                caught-by: [c-exits]
                break: kubectl delete configmap c
                restore: |
                  apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: c, namespace: elsewhere}
                ```

                ```yaml fault
                name: gone
                title: t
                symptom: s
                cause: c
                shows: kubectl get configmap -n other
                caught-by: [c-exists]
                break: kubectl delete configmap c
                ```

                ```yaml fault
                name: Bad_Name
                title: t
                symptom: s
                cause: c
                shows: s
                caught-by: [c-exists]
                brake: kubectl delete configmap c
                restore: kubectl create configmap c
                ```

                ```yaml fault
                name: dns-down
                title: t
                symptom: s
                cause: c
                shows: s
                caught-by: [c-exists]
                node: control-plane
                break: kubectl --kubeconfig=/etc/kubernetes/admin.conf -n kube-system scale deployment coredns --replicas=0
                restore: kubectl --kubeconfig=/etc/kubernetes/admin.conf -n kube-system scale deployment coredns --replicas=2
                ```
                """);
        List<Problem> problems = new Linter().lint(new CourseLoader().load(dir));
        String report = problems.stream().map(p -> p.relativeTo(dir).format()).collect(Collectors.joining("\n"));
        assertReported(problems, report, 31, "fault 'gone' is caught by 'c-exits', which is no check of this lesson");
        assertReported(problems, report, 36, "sets metadata.namespace");
        assertReported(problems, report, 40, "a fault has no 'restore'");
        assertReported(problems, report, 50, "fault name 'Bad_Name' must be lowercase words joined by dashes");
        assertReported(problems, report, 56, "unknown field 'brake' in a fault");
        assertReported(problems, report, 60, "fault 'dns-down' is cluster-level (node: control-plane), but the drill has no cluster of its own");
        assertFalse(report.contains("solution commands must not set"), "a cluster-level fault's scripts run in the node, not as kubectl lines: " + report);
        assertFalse(report.contains("no reference solution"), "a drill's faults restore it: " + report);
    }

    @Test
    void aFaultIsDrawnOnlyAmongThoseTheClusterCanShow() {
        Lesson drill = courseDrill();
        Set<String> drawnWithout = new HashSet<>();
        Set<String> drawnWith = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            drawnWithout.add(FaultChoice.pick(drill, Optional.empty(), false, Optional.empty(), random).name());
            drawnWith.add(FaultChoice.pick(drill, Optional.empty(), true, Optional.empty(), random).name());
        }
        assertEquals(Set.of("selector-typo", "scaled-to-zero"), drawnWithout);
        assertEquals(8, drawnWith.size(), drawnWith.toString());

        UserInputException unknown = assertThrows(UserInputException.class, () -> FaultChoice.pick(drill, Optional.of("typo"), true, Optional.empty(), random));
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.nextStep().contains("selector-typo"), unknown.nextStep());
        PrerequisiteException dataPlane = assertThrows(PrerequisiteException.class,
                () -> FaultChoice.pick(drill, Optional.of("dns-egress-cut"), false, Optional.empty(), random));
        assertEquals(ExitCodes.PREREQUISITE, dataPlane.exitCode());
        assertTrue(dataPlane.nextStep().startsWith("run the drill on kind"), dataPlane.nextStep());
    }

    private static void assertReported(List<Problem> problems, String report, int line, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.position().line() == line && p.message().contains(fragment)),
                "expected line " + line + " '" + fragment + "' in:\n" + report);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
