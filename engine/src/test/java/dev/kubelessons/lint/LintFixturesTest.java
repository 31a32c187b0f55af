package dev.kubelessons.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.CourseLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Lint over a miniature course of broken lessons: every mistake found, each at its line, all in one run. */
class LintFixturesTest {

    private static final Path BROKEN = Fixtures.fixture("broken-course");

    private final List<Problem> problems = new Linter().lint(Fixtures.loader().load(BROKEN));

    private String report() {
        return problems.stream().map(p -> p.relativeTo(BROKEN).format()).collect(Collectors.joining("\n")) + "\n";
    }

    private void assertReported(String file, int line, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.position().file().getFileName().toString().equals(file)
                        && p.position().line() == line && p.message().contains(fragment)),
                "expected " + file + ":" + line + " '" + fragment + "' in:\n" + report());
    }

    @Test
    void reportMatchesGoldenFile() {
        Fixtures.assertGolden("lint/broken-course.txt", report());
    }

    @Test
    void everyBrokenFixtureIsReportedAtItsLine() {
        assertReported("01-no-front-matter.md", 1, "no front matter");
        assertReported("02-bad-front-yaml.md", 3, "YAML does not parse: while scanning a quoted scalar");
        assertReported("03-unclosed-fence.md", 10, "never closed");
        assertReported("04-unknown-role-and-kind.md", 4, "unknown learning path 'sideways'");
        assertReported("04-unknown-role-and-kind.md", 10, "unknown block role 'chek'");
        assertReported("04-unknown-role-and-kind.md", 16, "unknown check kind 'exist' (did you mean 'exists'?)");
        assertReported("05-bad-cel.md", 15, "invalid CEL");
        assertReported("10-duplicate.md", 2, "duplicate lesson id '09-html'");
        assertReported("11-no-solution.md", 1, "no reference solution");
        assertReported("11-no-solution.md", 8, "has checks but no solution");
        assertReported("11-no-solution.md", 21, "YAML does not parse");
        assertReported("06-target-port.md", 20, "unknown field 'target_port' in Service.spec.ports[0] (did you mean 'targetPort'?)");
        assertReported("06-target-port.md", 15, "sets metadata.namespace");
        assertReported("06-target-port.md", 24, "kind Deployment is not served under apiVersion 'apps/v2'");
        assertReported("06-target-port.md", 30, "unknown kind 'Servise' (did you mean 'Service'?)");
        assertReported("06-target-port.md", 40, "must be a whole number");
        assertReported("07-no-check-no-solution.md", 7, "prerequisite '99-missing'");
        assertReported("07-no-check-no-solution.md", 9, "has no check");
        assertReported("07-no-check-no-solution.md", 23, "without a shell");
        assertReported("07-no-check-no-solution.md", 24, "must not set -n");
        assertReported("08-bad-id.md", 2, "not of the form NN-slug");
        assertReported("04-unknown-role-and-kind.md", 10, "unknown block role");
        assertReported("05-bad-cel.md", 15, "invalid CEL");
        assertReported("10-duplicate.md", 2, "duplicate lesson id '09-html'");
        assertReported("11-no-solution.md", 1, "no reference solution");
        assertReported("11-no-solution.md", 8, "has checks but no solution");
        assertReported("11-no-solution.md", 21, "YAML does not parse");
    }

    @Test
    void brokenDiagramsAreReportedWhereTheyAreWritten() {
        assertReported("13-bad-diagram.md", 27, "the diagram 'A broken arrow' does not parse: Syntax Error?");
        assertReported("13-bad-diagram.md", 31, "the diagram has no description");
        assertReported("13-bad-diagram.md", 36, "a diagram must be written in PlantUML, not 'mermaid'");
        assertReported("13-bad-diagram.md", 45, "a diagram may not include other files or URLs");
        Problem syntax = problems.stream().filter(p -> p.message().contains("'A broken arrow'")).findFirst().orElseThrow();
        assertTrue(syntax.fix().contains("fix the PlantUML at this line"), syntax.fix());
        assertTrue(problems.stream().noneMatch(p -> p.position().file().getFileName().toString().equals("13-bad-diagram.md")
                && p.position().line() < 21), "the introduction's diagram is fine:\n" + report());
    }

    @Test
    void badRequestHeadersAreReportedWhereTheyAreWritten() {
        assertReported("12-bad-headers.md", 17, "header name 'X Bad:' is not an HTTP token");
        assertReported("12-bad-headers.md", 26, "the value of header 'Host' contains a line break");
        assertReported("12-bad-headers.md", 37, "header 'host' repeats 'Host' (header names ignore case)");
        assertReported("12-bad-headers.md", 46, "unknown field 'header' in a check (did you mean 'headers'?)");
        assertReported("12-bad-headers.md", 55, "'headers' must be a YAML mapping");
        Problem name = problems.stream().filter(p -> p.message().contains("'X Bad:'")).findFirst().orElseThrow();
        assertEquals(3, name.position().column(), "at the name itself");
        assertTrue(name.fix().contains("without ':' or spaces"), name.fix());
        Problem value = problems.stream().filter(p -> p.message().contains("line break")).findFirst().orElseThrow();
        assertEquals(17, value.position().column(), "at the value");
    }

    @Test
    void theSnakeCaseFixSaysWhatToDo() {
        Problem problem = problems.stream().filter(p -> p.message().contains("target_port")).findFirst().orElseThrow();
        assertTrue(problem.fix().contains("rename it to 'targetPort'"), problem.fix());
        assertEquals(7, problem.position().column());
    }

    @Test
    void htmlInALessonIsNotALintProblem() {
        assertTrue(problems.stream().noneMatch(p -> p.position().file().getFileName().toString().equals("09-html.md")), report());
    }
}
