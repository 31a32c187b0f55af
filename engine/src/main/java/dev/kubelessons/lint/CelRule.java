package dev.kubelessons.lint;

import dev.kubelessons.check.CelExpressions;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every {@code cel} check's expression compiles; errors point at the expression's own line and column. */
final class CelRule implements LessonRule {

    private final CelExpressions cel = new CelExpressions();
    // Courses repeat expressions (readiness, counts); CEL's checker builds its whole standard
    // environment again for every compile, so each distinct text is compiled once.
    private final Map<String, List<CelExpressions.Issue>> compiled = new ConcurrentHashMap<>();

    @Override
    public List<Problem> check(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        for (CheckSpec spec : lesson.checks()) {
            if (spec instanceof CheckSpec.Cel check) {
                for (CelExpressions.Issue issue : compiled.computeIfAbsent(check.expression(), cel::compileErrors)) {
                    SourcePosition at = check.expressionPosition();
                    // A one-line expression starts on the 'expect:' value; later lines of a block scalar start at column 1.
                    SourcePosition where = issue.line() == 1
                            ? SourcePosition.of(at.file(), at.line(), at.column() + issue.column() - 1)
                            : SourcePosition.of(at.file(), at.line() + issue.line() - 1, issue.column());
                    problems.add(new Problem(where, "invalid CEL in check '" + check.info().id() + "': " + issue.message(),
                            "fix the expression; the live object is 'object', e.g. object.spec.type == 'ClusterIP'"));
                }
            }
        }
        return problems;
    }
}
