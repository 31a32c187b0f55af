package dev.kubelessons.lint;

import dev.kubelessons.check.CelExpressions;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@code cel} check's expression compiles, and names only fields the checked kind has in the
 * Kubernetes schema; errors point at the expression's own line and column.
 */
final class CelRule implements LessonRule {

    private final CelExpressions cel = new CelExpressions();
    // Courses repeat expressions (readiness, counts); CEL's checker builds its whole standard
    // environment again for every compile, so each distinct text is compiled once.
    private final Map<String, List<CelExpressions.Issue>> compiled = new ConcurrentHashMap<>();
    private final KubernetesKinds kinds = new KubernetesKinds();
    private final CelSchema schema = new CelSchema();

    @Override
    public List<Problem> check(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        List<String> lines = null;
        for (CheckSpec spec : lesson.checks()) {
            if (spec instanceof CheckSpec.Cel check) {
                Optional<Class<?>> model = check.resource().apiVersion() == null ? Optional.empty()
                        : kinds.find(check.resource().apiVersion(), check.resource().kind());
                // Typed first: an expression clean against the kind's schema needs no second, untyped compile.
                Optional<CelSchema.Typed> typed = model.map(m -> schema.compile(m, check.expression()));
                List<CelExpressions.Issue> issues = typed.isPresent() && typed.get().clean() ? List.of()
                        : compiled.computeIfAbsent(check.expression(), cel::compileErrors);
                for (CelExpressions.Issue issue : issues) {
                    lines = lines != null ? lines : lines(lesson);
                    SourcePosition where = position(lines, check, issue);
                    problems.add(new Problem(where, "invalid CEL in check '" + check.info().id() + "': " + issue.message(),
                            "fix the expression; the live object is 'object', e.g. object.spec.type == 'ClusterIP'"));
                }
                List<CelSchema.UnknownField> unknown = issues.isEmpty() ? typed.map(CelSchema.Typed::unknownFields).orElse(List.of()) : List.of();
                for (CelSchema.UnknownField field : unknown) {
                    lines = lines != null ? lines : lines(lesson);
                    SourcePosition where = position(lines, check, new CelExpressions.Issue(field.line(), field.column(), field.message()));
                    problems.add(new Problem(where, "CEL in check '" + check.info().id() + "': " + field.message() + " in the Kubernetes schema of "
                            + check.resource().kind() + " (" + check.resource().apiVersion() + ")",
                            "name a field the kind has (kubectl explain " + check.resource().kind().toLowerCase(java.util.Locale.ROOT)
                                    + " lists them); as written the check could never pass"));
                }
            }
        }
        return problems;
    }

    /** The issue's place in the file, through the expression's lines as written (a '>-' scalar folds them into one). */
    private static SourcePosition position(List<String> lines, CheckSpec.Cel check, CelExpressions.Issue issue) {
        String expression = check.expression();
        int offset = 0;
        for (int line = 1; line < issue.line() && offset >= 0; line++) {
            int newline = expression.indexOf('\n', offset);
            offset = newline < 0 ? -1 : newline + 1;
        }
        SourcePosition at = check.expressionPosition();
        if (offset >= 0) {
            offset = Math.min(offset + issue.column() - 1, expression.length());
            var found = ScalarSource.locate(lines, at, expression, offset);
            if (found.isPresent()) {
                return found.get();
            }
        }
        // Text that does not match the value (a quoted scalar with escapes): the old estimate.
        return issue.line() == 1
                ? SourcePosition.of(at.file(), at.line(), at.column() + issue.column() - 1)
                : SourcePosition.of(at.file(), at.line() + issue.line() - 1, issue.column());
    }

    private static List<String> lines(Lesson lesson) {
        try {
            return Files.readAllLines(lesson.source());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
