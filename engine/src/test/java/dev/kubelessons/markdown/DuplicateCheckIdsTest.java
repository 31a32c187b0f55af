package dev.kubelessons.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cli.Main;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lint.Linter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two checks with one id: the parser refuses the lesson, so lint reports it (once), and the site, which runs none of
 * lint's rules, does not publish a page with two {@code id="check-<id>"} elements.
 */
class DuplicateCheckIdsTest {

    private static final String LESSON = """
            ---
            id: 01-twice
            title: One id for two checks
            paths: {top-down: 1}
            duration: 5m
            prerequisites: []
            objectives: [Do it]
            ---
            ## Step one

            ```yaml check
            id: web-exists
            title: The Service web exists
            kind: exists
            resource: {kind: Service, name: web}
            hint: Create it.
            ```

            ```yaml check
            id: web-exists
            title: The Service web is a ClusterIP Service
            kind: cel
            resource: {kind: Service, name: web}
            expect: object.spec.type == 'ClusterIP'
            hint: Look at spec.type.
            ```

            ```sh solution
            kubectl create service clusterip web --tcp=80:80
            ```
            """;

    @TempDir
    Path tmp;
    Path lessons;

    @BeforeEach
    void writeTheLesson() throws IOException {
        lessons = Files.createDirectories(tmp.resolve("lessons"));
        Files.writeString(lessons.resolve("01-twice.md"), LESSON);
    }

    private static String formatted(List<Problem> problems) {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    @Test
    void theParserReportsTheSecondCheckWithTheFirstOnesLine() {
        CourseLoader.Loaded loaded = new CourseLoader().load(lessons);
        assertEquals(1, loaded.problems().size(), formatted(loaded.problems()));
        Problem problem = loaded.problems().get(0);
        assertEquals("duplicate check id 'web-exists' (first at line 12)", problem.message());
        assertEquals(20, problem.position().line(), problem.format());
        assertEquals("give the check its own 'id:'", problem.fix());
        assertTrue(loaded.course().lessons().isEmpty(), "the course holds only clean lessons");
    }

    @Test
    void lintReportsItOnce() {
        List<Problem> problems = new Linter().lint(new CourseLoader().load(lessons));
        assertEquals(1, problems.stream().filter(p -> p.message().startsWith("duplicate check id")).count(), formatted(problems));
    }

    @Test
    void theSiteIsNotBuilt() {
        Path out = tmp.resolve("site");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("site", "--lessons", lessons.toString(), "--out", out.toString());
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, printed);
        assertTrue(printed.contains("01-twice.md:20:1: duplicate check id 'web-exists' (first at line 12)"), printed);
        assertFalse(Files.exists(out.resolve("01-twice.html")), "no page with two elements of one id");
    }
}
