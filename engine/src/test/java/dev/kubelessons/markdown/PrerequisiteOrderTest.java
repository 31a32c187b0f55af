package dev.kubelessons.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lessons/README.md: "A lesson's prerequisites must come before it on every path it is on." Over a copy of the real
 * course, with one lesson's front matter edited: each broken rule is reported once, at the prerequisite's line.
 */
class PrerequisiteOrderTest {

    @TempDir
    Path tmp;

    private Path lessons;

    private Path copy() {
        lessons = Fixtures.copyRealLessons(tmp.resolve("lessons"));
        return lessons;
    }

    /** Replaces {@code from} by {@code to} in one lesson file; returns the file. */
    private Path edit(String file, String from, String to) throws IOException {
        Path path = lessons.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), from + " in " + file);
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        return path;
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        return problems.get(0);
    }

    /** 1-based line and column of {@code fragment} in the file, the way a Problem gives them. */
    private static String placeOf(Path file, String fragment) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return (i + 1) + ":" + (lines.get(i).indexOf(fragment) + 1);
            }
        }
        throw new AssertionError(fragment + " not in " + file);
    }

    private static String placeOf(Problem problem) {
        return problem.position().line() + ":" + problem.position().column();
    }

    @Test
    void theRealCourseKeepsTheRule() {
        assertEquals(List.of(), Fixtures.loader().load(copy()).problems());
    }

    @Test
    void aCycleIsReportedOnceNamingItsLessons() throws IOException {
        copy();
        Path first = edit("01-kind-cluster.md", "prerequisites: []", "prerequisites: [03-clusterip]");
        Problem cycle = only(Fixtures.loader().load(lessons).problems());
        assertEquals(first, cycle.position().file());
        assertEquals(placeOf(first, "03-clusterip"), placeOf(cycle));
        assertTrue(cycle.message().contains("cycle"), cycle.message());
        assertTrue(cycle.message().contains("01-kind-cluster needs 03-clusterip, which needs 02-deployments, which needs 01-kind-cluster"),
                cycle.message());
    }

    @Test
    void aKnotOfMoreLessonsThanItsShortestCycleNamesTheOthersToo() throws IOException {
        copy();
        edit("01-kind-cluster.md", "prerequisites: []", "prerequisites: [03-clusterip, 04-nodeport-loadbalancer]");
        Problem cycle = only(Fixtures.loader().load(lessons).problems());
        assertTrue(cycle.message().endsWith("01-kind-cluster needs 03-clusterip, which needs 02-deployments, which needs 01-kind-cluster;"
                + " caught in it too: 04-nodeport-loadbalancer"), cycle.message());
    }

    @Test
    void aPrerequisiteLaterOnOnePathIsReportedThereNamingThatPath() throws IOException {
        copy();
        // 05-dns is at 50 on top-down (after 04's 40) but at 70 on bottom-up (before 04's 80).
        Path nodePort = edit("04-nodeport-loadbalancer.md", "  - 03-clusterip\n", "  - 03-clusterip\n  - 05-dns\n");
        Problem problem = only(Fixtures.loader().load(lessons).problems());
        assertEquals(nodePort, problem.position().file());
        assertEquals(placeOf(nodePort, "05-dns"), placeOf(problem));
        assertTrue(problem.message().contains("'top-down'"), problem.message());
        assertFalse(problem.message().contains("bottom-up"), problem.message());
        assertTrue(problem.message().contains("50") && problem.message().contains("40"), problem.message());
        assertTrue(problem.fix().contains("05-dns"), problem.fix());
    }

    @Test
    void aPrerequisiteMissingFromAPathTheLessonIsOnIsReported() throws IOException {
        copy();
        // 10-troubleshooting is on sre; 09-kube-proxy is not (it is before 10 on both other paths).
        Path lab = edit("10-troubleshooting.md", "  - 07-networkpolicy\n", "  - 07-networkpolicy\n  - 09-kube-proxy\n");
        Problem problem = only(Fixtures.loader().load(lessons).problems());
        assertEquals(lab, problem.position().file());
        assertEquals(placeOf(lab, "09-kube-proxy"), placeOf(problem));
        assertTrue(problem.message().contains("not on path 'sre'"), problem.message());
    }

    @Test
    void withoutACourseFileThePathsAreThoseTheLessonsName() throws IOException {
        copy();
        Path nodePort = edit("04-nodeport-loadbalancer.md", "  - 03-clusterip\n", "  - 03-clusterip\n  - 05-dns\n");
        Problem problem = only(new CourseLoader().load(lessons).problems());
        assertEquals(placeOf(nodePort, "05-dns"), placeOf(problem));
        assertTrue(problem.message().contains("'top-down'"), problem.message());
    }

    @Test
    void atOnePositionTheLesserIdComesFirst() throws IOException {
        copy();
        // Lessons at one position are ordered by id (Course.path), so 05-dns at 30 still comes after 03-clusterip at 30.
        edit("05-dns.md", "  top-down: 50\n", "  top-down: 30\n");
        assertEquals(List.of(), Fixtures.loader().load(lessons).problems());
        // But 04 at 30 does not come after 05 at 30.
        Path nodePort = edit("04-nodeport-loadbalancer.md", "  top-down: 40\n  bottom-up: 80\nduration: 30m\nprerequisites:\n  - 03-clusterip\n",
                "  top-down: 30\n  bottom-up: 80\nduration: 30m\nprerequisites:\n  - 03-clusterip\n  - 05-dns\n");
        Problem problem = only(Fixtures.loader().load(lessons).problems());
        assertEquals(placeOf(nodePort, "05-dns"), placeOf(problem));
        assertTrue(problem.message().contains("'top-down'"), problem.message());
    }
}
