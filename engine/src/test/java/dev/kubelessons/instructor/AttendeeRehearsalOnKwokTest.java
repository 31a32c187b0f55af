package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.LessonParser;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.RunningCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default dress rehearsal runs as a stand-in attendee: a lesson that verifies with the attendee's Role is a GO, a
 * lesson whose solution needs what the Role withholds is a NO-GO (the instructor-credentials rehearsal calls it a GO).
 */
@KwokCluster
class AttendeeRehearsalOnKwokTest {

    /** Its solution creates a PodDisruptionBudget: the attendee Role grants no policy/* resources. */
    private static final String NEEDS_MORE_THAN_THE_ROLE = """
            ---
            id: 98-budget
            title: A disruption budget
            summary: Needs a resource the attendee Role does not grant.
            paths:
              top-down: 98
            duration: 5m
            objectives:
              - Create a PodDisruptionBudget
            ---

            ## Budget

            ```yaml solution
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: 1
              selector:
                matchLabels:
                  app: web
            ```

            ```yaml check
            id: budget-exists
            title: The budget exists
            kind: exists
            resource: {apiVersion: policy/v1, kind: PodDisruptionBudget, name: web}
            hint: Apply the solution.
            explain: There is no PodDisruptionBudget named web.
            ```
            """;

    @Test
    void aLessonTheRoleCoversIsAGoAndOneItDoesNotIsANoGo(KubernetesClient admin, ClusterAccess access) {
        Lesson covered = WorkshopFixture.lesson("02-deployments");
        Lesson uncovered = parse(NEEDS_MORE_THAN_THE_ROLE);
        StringWriter report = new StringWriter();
        StringWriter notes = new StringWriter();
        boolean go;
        try (ClusterSession session = RunningCluster.session(access, "klr")) {
            go = new AttendeeRehearsal(session, Duration.ofSeconds(90)).run(List.of(covered, uncovered),
                    new PrintWriter(report, true), new PrintWriter(notes, true), false);
        }
        String text = report.toString();
        assertFalse(go, text);
        assertTrue(text.contains("as attendee 'rehearsal'"), text);
        assertTrue(text.contains("GO     02-deployments"), text);
        assertTrue(text.contains("NO-GO  98-budget"), text);
        assertTrue(text.contains("poddisruptionbudgets") && text.contains("forbidden"), "the NO-GO says what was refused: " + text);
        assertTrue(notes.toString().contains("network fence: one ClusterNetworkPolicy"), notes.toString());
        assertTrue(new Teardown(admin).namespaces(List.of(AttendeeRehearsal.ATTENDEE)).stream()
                .allMatch(ns -> gone(admin, ns)), "the stand-in attendee is being removed");

        // The same lesson passes with the instructor's own credentials: only the attendee rehearsal catches it.
        StringWriter asInstructor = new StringWriter();
        try (ClusterSession session = RunningCluster.session(access, "klr")) {
            assertTrue(new Rehearsal(session, Duration.ofSeconds(90)).run(List.of(uncovered), new PrintWriter(asInstructor, true)),
                    asInstructor.toString());
        }
    }

    @Test
    void everyLessonOfTheCourseIsAGoWithPodSecurityAndThePodGuardInForce(ClusterAccess access) {
        List<Lesson> course = new dev.kubelessons.markdown.CourseLoader().load(dev.kubelessons.Fixtures.repositoryRoot().resolve("lessons"))
                .course().lessons();
        StringWriter report = new StringWriter();
        StringWriter notes = new StringWriter();
        boolean go;
        try (ClusterSession session = RunningCluster.session(access, "klr")) {
            go = new AttendeeRehearsal(session, Duration.ofSeconds(90)).run(course, new PrintWriter(report, true), new PrintWriter(notes, true), false);
        }
        assertTrue(go, report + "\n" + notes);
        assertTrue(notes.toString().contains("pod security: attendee namespaces enforce restricted; baseline for "), notes.toString());
        assertFalse(report.toString().contains("NO-GO"), report.toString());
    }

    private static Lesson parse(String text) {
        var parsed = new LessonParser().parse(Path.of("98-budget.md"), text.getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        return parsed.lesson().orElseThrow();
    }


    /** Being deleted, or deleted already: kwok can finish deleting an empty namespace before the test looks. */
    private static boolean gone(KubernetesClient admin, String namespace) {
        io.fabric8.kubernetes.api.model.Namespace found = admin.namespaces().withName(namespace).get();
        return found == null || found.getMetadata().getDeletionTimestamp() != null;
    }
}
