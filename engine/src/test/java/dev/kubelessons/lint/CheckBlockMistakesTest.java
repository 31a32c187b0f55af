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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes an author makes in a check block: each one reported once, at its own line, with a fix that fits it. */
class CheckBlockMistakesTest {

    @TempDir
    Path lessons;

    /** 1-based line of the first line of {@code text} that contains {@code fragment}. */
    private static int line(String text, String fragment) {
        return place(text, fragment)[0];
    }

    private List<Problem> lint(String id, String text) throws IOException {
        Files.writeString(lessons.resolve(id + ".md"), text);
        return new Linter().lint(new CourseLoader().load(lessons));
    }

    @Test
    void anEmptyHintIsReportedAtItsLineLikeAMissingOne() throws IOException {
        for (String empty : List.of("hint:", "hint: \"\"", "hint: '  '")) {
            String text = lesson("01-empty-hint", """
                    ```yaml check
                    id: web
                    title: The Service web exists
                    kind: exists
                    resource: {kind: Service, name: web}
                    %s
                    ```
                    """.formatted(empty));
            Problem problem = only(lint("01-empty-hint", text));
            assertEquals("the hint of check 'web' is empty", problem.message(), empty);
            assertEquals(line(text, empty), problem.position().line(), problem.format());
            assertTrue(problem.fix().contains("nudge"), problem.fix());
        }
    }

    @Test
    void aDuplicateKeyIsReportedOnce() throws IOException {
        String text = lesson("02-twice", """
                ```yaml check
                id: web
                title: The Service web exists
                kind: exists
                kind: exists
                resource: {kind: Service, name: web}
                hint: Create it.
                ```
                """);
        Problem problem = only(lint("02-twice", text));
        assertEquals("duplicate key 'kind' in a check", problem.message());
        assertEquals(line(text, "title: The Service") + 2, problem.position().line(), problem.format());
    }

    @Test
    void aCheckBlockWithoutItsClosingLineIsReportedAsUnclosedNotAsBadYaml() throws IOException {
        String text = lesson("03-unclosed", """
                ```yaml check
                id: web
                title: The Service web exists
                kind: exists
                resource: {kind: Service, name: web}
                hint: Create it.

                ```yaml check
                id: web-type
                title: The Service web is a ClusterIP Service
                kind: cel
                resource: {kind: Service, name: web}
                expect: object.spec.type == 'ClusterIP'
                hint: Look at spec.type.
                ```
                """);
        int opened = line(text, "```yaml check");
        int next = line(text, "id: web-type") - 1;
        Problem problem = only(lint("03-unclosed", text));
        assertEquals("the ```yaml check block that starts at line " + opened + " is not closed before line " + next, problem.message());
        assertEquals(opened, problem.position().line(), problem.format());
        assertTrue(problem.fix().startsWith("close it with ``` on a line of its own before line " + next), problem.fix());
    }

    @Test
    void aManifestBlockWithoutItsClosingLineIsReportedAsUnclosedNotAsBadYaml() throws IOException {
        String text = lesson("04-unclosed-apply", """
                ```yaml apply
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                    - port: 80

                ```yaml check
                id: web
                title: The Service web exists
                kind: exists
                resource: {kind: Service, name: web}
                hint: Create it.
                ```

                ```yaml check
                id: web-type
                title: The Service web is a ClusterIP Service
                kind: cel
                resource: {kind: Service, name: web}
                expect: object.spec.type == 'ClusterIP'
                hint: Look at spec.type.
                ```
                """);
        Problem problem = only(lint("04-unclosed-apply", text));
        assertEquals("the ```yaml apply block that starts at line " + line(text, "```yaml apply")
                + " is not closed before line " + line(text, "```yaml check"), problem.message());
    }

    @Test
    void aNamespacePlaceholderOutsideQuotesInARegexSaysToQuoteIt() throws IOException {
        String text = lesson("05-placeholder", """
                ```yaml check
                id: rules
                title: kube-proxy wrote the Service's rules
                kind: node-command
                command: [iptables-save]
                outputMatches: '-A KUBE-SERVICES .*${namespace}/web cluster IP'
                hint: Look at iptables-save on the node.
                ```
                """);
        Problem problem = only(lint("05-placeholder", text));
        assertEquals("outputMatches is not a valid regular expression: ${namespace} is not quoted (Illegal repetition)", problem.message());
        assertTrue(problem.fix().startsWith("write it as \\Q${namespace}\\E"), problem.fix());
        assertEquals(line(text, "outputMatches"), problem.position().line(), problem.format());
    }

    @Test
    void otherRegexMistakesKeepTheGeneralFix() throws IOException {
        String text = lesson("06-regex", """
                ```yaml check
                id: rules
                title: kube-proxy wrote the Service's rules
                kind: node-command
                command: [iptables-save]
                outputMatches: '-A KUBE-SERVICES .*\\Q${namespace}\\E/web (cluster IP'
                hint: Look at iptables-save on the node.
                ```
                """);
        Problem problem = only(lint("06-regex", text));
        assertTrue(problem.message().endsWith("Unclosed group"), problem.message());
        assertEquals("escape special characters such as '(' or '['", problem.fix());
    }

    @Test
    void aCelSyntaxErrorListsTheModuloOperatorAsWritten() throws IOException {
        String text = lesson("07-cel", """
                ```yaml check
                id: replicas
                title: Two replicas
                kind: cel
                resource: {kind: Deployment, name: web}
                expect: object.spec.replicas == 2 ? true
                hint: Look at spec.replicas.
                ```
                """);
        Problem problem = only(lint("07-cel", text));
        assertTrue(problem.message().startsWith("invalid CEL in check 'replicas'") && problem.message().contains("'/', '%'}"), problem.message());
    }
}
