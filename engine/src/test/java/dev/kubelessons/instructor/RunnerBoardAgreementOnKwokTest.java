package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kubelessons.Fixtures;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.ContextProvider;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.LessonChecks;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the runner and the board disagreed (the attendee's --solve exited 1 after probe pods timed out on kwok while
 * the board said done). Every lesson, solved by an attendee's runner on their own context, must end with the same
 * verdict per check in the runner and on the instructor's board.
 */
@KwokCluster
class RunnerBoardAgreementOnKwokTest {

    @Test
    void everyLessonSolvedByAnAttendeeEndsTheSameInTheRunnerAndOnTheBoard(KubernetesClient admin, ClusterAccess access, @TempDir Path out)
            throws Exception {
        List<Lesson> lessons = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lessons().stream()
                .filter(l -> !l.isDrill()).toList();
        String attendee = WorkshopFixture.names("agree").get(0);
        Path kubeconfig = WorkshopFixture.provision(admin, access, List.of(attendee), lessons, out).get(0);
        String context = KubeConfigUtils.parseConfig(kubeconfig.toFile()).getCurrentContext();
        String before = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", kubeconfig.toString());
        Map<String, String> disagreements = new TreeMap<>();
        try (BoardFixture board = new BoardFixture(admin, access, lessons, List.of());
             ClusterSession runner = ClusterSession.connect(new ContextProvider(context), new ClusterAccess(kubeconfig, context), "kl")) {
            for (Lesson lesson : lessons) {
                runner.solutions().solve(lesson, runner.sandbox().namespace(lesson));
                Map<String, String> ran = statuses(LessonChecks.untilPassing(lesson, runner.checkContext(lesson), Duration.ofSeconds(90)));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                Map<String, String> shown = boardStatuses(board, attendee, lesson);
                while (!shown.equals(ran) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    shown = boardStatuses(board, attendee, lesson);
                }
                if (!shown.equals(ran)) {
                    disagreements.put(lesson.id(), "runner " + ran + ", board " + shown);
                }
                assertFalse(ran.containsValue("ERROR"), lesson.id() + ": " + ran);
            }
        } finally {
            if (before == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", before);
            }
            new Teardown(admin).remove(List.of(attendee), false);
        }
        assertEquals(Map.of(), disagreements);
    }

    private static Map<String, String> statuses(List<Verdict> verdicts) {
        Map<String, String> map = new LinkedHashMap<>();
        verdicts.forEach(v -> map.put(v.id(), v.status().name()));
        return map;
    }

    private static Map<String, String> boardStatuses(BoardFixture board, String attendee, Lesson lesson) {
        Map<String, String> map = new LinkedHashMap<>();
        board.service.board().rows().get(attendee).stream().filter(c -> c.lesson().equals(lesson.id())).findFirst()
                .ifPresent(cell -> cell.checks().forEach(row -> map.put(row.id(), row.status())));
        return map;
    }
}
