package dev.kubelessons.lint;

import static dev.kubelessons.lint.OneStepLessons.lesson;
import static dev.kubelessons.lint.OneStepLessons.only;
import static dev.kubelessons.lint.OneStepLessons.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.CourseLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 8: lint points at the place that is wrong, and names what it can. One test per report in the issue. */
class LintPositionsTest {

    @TempDir
    Path lessons;

    private List<Problem> lint(String file, String text) throws IOException {
        Files.writeString(lessons.resolve(file), text);
        return new Linter().lint(new CourseLoader().load(lessons));
    }

    private static void assertAt(int[] expected, Problem problem) {
        assertEquals(expected[0] + ":" + expected[1], problem.position().line() + ":" + problem.position().column(), problem.format());
    }

    @Test
    void aCelSyntaxErrorInAFoldedScalarIsReportedOnItsOwnLine() throws IOException {
        String text = lesson("01-folded", """
                ```yaml check
                id: ports
                title: The Service serves port 80
                kind: cel
                resource: {kind: Service, name: web}
                expect: >-
                  object.spec.type == 'ClusterIP' &&
                  object.spec.ports.exists(p, p.port == 80 &&)
                hint: Look at spec.ports.
                ```
                """);
        Problem problem = only(lint("01-folded.md", text));
        assertTrue(problem.message().startsWith("invalid CEL in check 'ports'"), problem.message());
        assertAt(place(text, "&&)"), shift(problem, -2)); // CEL reports the ')' after '&&'
    }

    @Test
    void aCelSyntaxErrorInALiteralScalarAndInAPlainOneIsReportedOnItsOwnLine() throws IOException {
        String literal = lesson("02-literal", """
                ```yaml check
                id: ports
                title: The Service serves port 80
                kind: cel
                resource: {kind: Service, name: web}
                expect: |
                  object.spec.type == 'ClusterIP' &&
                    object.spec.ports.exists(p, p.port == 80 &&)
                hint: Look at spec.ports.
                ```
                """);
        assertAt(place(literal, "&&)"), shift(only(lint("02-literal.md", literal)), -2));
        Files.delete(lessons.resolve("02-literal.md"));
        String plain = lesson("03-plain", """
                ```yaml check
                id: ports
                title: The Service serves port 80
                kind: cel
                resource: {kind: Service, name: web}
                expect: object.spec.type == 'ClusterIP' && object.spec.ports.exists(p, p.port == 80 &&)
                hint: Look at spec.ports.
                ```
                """);
        assertAt(place(plain, "&&)"), shift(only(lint("03-plain.md", plain)), -2));
    }

    @Test
    void frontMatterWithoutIdSuggestsTheFilesOwnStem() throws IOException {
        String text = lesson("04-my-lesson", "").replace("id: 04-my-lesson\n", "");
        List<Problem> problems = lint("04-my-lesson.md", text);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("has no 'id'") && p.fix().equals("add 'id: 04-my-lesson'")),
                problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    }

    @Test
    void aBadPrerequisiteIsReportedAtItsOwnLine() throws IOException {
        String block = lesson("05-needs", "").replace("prerequisites: []", "prerequisites:\n  - 05-needs-more\n  - 99-missing");
        Problem problem = lint("05-needs.md", block).stream().filter(p -> p.message().contains("99-missing")).findFirst().orElseThrow();
        assertAt(place(block, "99-missing"), problem);
        Files.delete(lessons.resolve("05-needs.md"));
        String flow = lesson("06-needs", "").replace("prerequisites: []", "prerequisites: [06-needs, 98-missing]");
        List<Problem> problems = lint("06-needs.md", flow);
        assertAt(place(flow, "98-missing"), problems.stream().filter(p -> p.message().contains("98-missing")).findFirst().orElseThrow());
        assertAt(place(flow, "06-needs,"), problems.stream().filter(p -> p.message().contains("lists itself")).findFirst().orElseThrow());
    }

    @Test
    void invalidYamlIsReportedAtTheLineThatDoesNotParse() throws IOException {
        String text = lesson("07-bad-yaml", """
                ```yaml check
                id: web
                title: The Service exists
                kind: exists
                resource: {kind: Service, name: web}
                hint: Create it.
                ```

                ```yaml apply
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                    - port: 80
                   targetPort: 80
                ```
                """);
        Problem problem = lint("07-bad-yaml.md", text).stream().filter(p -> p.message().contains("YAML does not parse")).findFirst().orElseThrow();
        assertEquals(place(text, " targetPort: 80")[0], problem.position().line(), problem.format());
    }

    @Test
    void anHttpCheckWithoutUrlNamesTheCheck() throws IOException {
        String text = lesson("08-no-url", """
                ```yaml check
                id: web-answers
                title: The Service answers
                kind: http
                status: 200
                hint: Is the Service's port 80?
                ```
                """);
        Problem problem = only(lint("08-no-url.md", text));
        assertEquals("check 'web-answers' has no 'url'", problem.message());
        assertEquals("add 'url: http://my-nginx'", problem.fix());
    }

    @Test
    void aCelFieldTheCheckedKindDoesNotHaveIsALintErrorAtTheField() throws IOException {
        String text = lesson("09-portz", """
                ```yaml check
                id: ports
                title: The Service serves port 80
                kind: cel
                resource: {kind: Service, name: web}
                expect: >-
                  object.spec.selector.app == 'web' &&
                  object.spec.portz.exists(p, p.port == 80) && object.metadata.labels['tier'] == 'front'
                hint: Look at spec.ports.
                ```
                """);
        Problem problem = only(lint("09-portz.md", text));
        assertTrue(problem.message().contains("undefined field 'portz'") && problem.message().contains("Service (v1)"), problem.message());
        assertAt(place(text, ".portz"), problem);
    }

    /** The problem moved by {@code columns} (CEL points at the ')' two characters after where "&&)" starts). */
    private static Problem shift(Problem problem, int columns) {
        return new Problem(dev.kubelessons.lesson.SourcePosition.of(problem.position().file(), problem.position().line(),
                problem.position().column() + columns), problem.message(), problem.fix());
    }
}
