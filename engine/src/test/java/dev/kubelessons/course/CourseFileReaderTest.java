package dev.kubelessons.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course file: this repository's own reads clean; each kind of mistake is reported at its line. */
class CourseFileReaderTest {

    @TempDir
    Path tmp;

    @Test
    void thisRepositorysCourseDeclaresItsThreePaths() {
        CourseFileReader.Read read = new CourseFileReader().read(Fixtures.repositoryRoot().resolve(CourseFile.NAME));
        assertEquals(List.of(), read.problems());
        CourseFile course = read.course().orElseThrow();
        assertEquals("Kubernetes networking, hands-on", course.title());
        assertEquals(List.of("top-down", "bottom-up", "sre"), course.paths().stream().map(LearningPath::id).toList());
        assertEquals("SRE drills", course.paths().get(2).title());
        assertTrue(course.paths().get(0).audience().startsWith("For application developers"), course.paths().get(0).audience());
        assertEquals("jbang lesson 03-clusterip", course.runCommand("03-clusterip"));
    }

    @Test
    void everyMistakeIsReportedAtItsLine() throws IOException {
        Path file = write("""
                titel: Typo
                summary: A course
                paths:
                  - id: basics
                    title: Basics
                    audience: For everyone.
                  - id: basics
                    title: Again
                    audience: For nobody.
                  - id: Not An Id
                    title: Wrong
                    audience: x
                  - id: extra
                    title: Extra
                    audience: x
                    colour: red
                """);
        List<Problem> problems = new CourseFileReader().read(file).problems();
        String report = problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
        assertReported(problems, report, 1, "unknown field 'titel' in the course file");
        assertReported(problems, report, 1, "the course file has no 'title'");
        assertReported(problems, report, 7, "duplicate path id 'basics'");
        assertReported(problems, report, 10, "path id 'Not An Id' is not lowercase words");
        assertReported(problems, report, 16, "unknown field 'colour' in a learning path");
        assertEquals(5, problems.size(), report);
    }

    @Test
    void aCourseWithoutPathsIsRefused() throws IOException {
        CourseFileReader.Read read = new CourseFileReader().read(write("title: Empty\n"));
        assertTrue(read.course().isEmpty());
        assertEquals("the course declares no learning path", read.problems().get(0).message());
        assertEquals(1, read.problems().get(0).position().line());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(tmp.resolve(CourseFile.NAME), text);
    }

    private static void assertReported(List<Problem> problems, String report, int line, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.position().line() == line && p.message().contains(fragment)),
                "expected line " + line + " '" + fragment + "' in:\n" + report);
    }
}
