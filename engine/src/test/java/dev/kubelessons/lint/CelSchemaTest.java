package dev.kubelessons.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.markdown.CourseLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standard declarations CelSchema builds once type and reject exactly what CEL's standard builder does. */
class CelSchemaTest {

    private static final List<String> EDGES = List.of(
            "n < d", "n == d", "d > 1", "u < n", "1 in [1, 2.0]", "dyn(n) < 1.0", "int(n) == 1", "int(u) == 1", "uint(n) == u",
            "timestamp(n) < t", "timestamp('2024-01-01T00:00:00Z') < t", "t - t == duration('0s')", "t.getFullYear() > 2000",
            "duration('1s') > duration('2s')", "string(d) == '1.0'", "double(n) / d > 0.5", "n / 0 == 1", "size(m) > 1", "m.a == 2u", "has(m.a) && m.a > d",
            "object.a == 2", "has(object.a)", "'a' in object", "[1, 2].exists(x, x > n)", "[1, 2].all(x, x > d)",
            "object.map(k, object[k]).size() == 1", "matches('a', 'b')", "'a'.startsWith('b') && 'a'.endsWith('a')",
            "'abc'.contains('b') || size('abc') == 3", "n +", "nope(n)", "n.nope", "object.a.b == 1", "bytes('a') == b'a'",
            "null == object", "type(n) == int", "[1, 'a'].size() == 2", "{'a': 1}.a == 1u", "n % 2 == 0 ? 'even' : 'odd'",
            "-n < 0 && !(n > 1)", "1u + 2 == 3u", "1.0 + 2 == 3.0", "optional.of(1).hasValue()", "math.greatest(1, 2) == 2");

    @Test
    void theSameExpressionsCompileTheSameWithTheDeclarationsBuiltOnce() throws Exception {
        List<String> expressions = new ArrayList<>(EDGES);
        new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).allLessons().forEach(lesson -> lesson.checks().stream()
                .filter(CheckSpec.Cel.class::isInstance).map(c -> ((CheckSpec.Cel) c).expression()).forEach(expressions::add));
        assertTrue(expressions.size() > EDGES.size() + 20, "the real lessons' CEL checks too: " + expressions.size());
        Cel ours = declare(CelSchema.standardBuilder());
        Cel standard = declare(CelFactory.standardCelBuilder());
        int rejected = 0;
        for (String expression : expressions) {
            CelValidationResult expected = standard.compile(expression);
            rejected += expected.hasError() ? 1 : 0;
            CelValidationResult actual = ours.compile(expression);
            assertEquals(expected.hasError(), actual.hasError(), expression);
            assertEquals(expected.getAllIssues().toString(), actual.getAllIssues().toString(), expression);
            if (!expected.hasError()) {
                assertEquals(expected.getAst().getResultType(), actual.getAst().getResultType(), expression);
            }
        }
        assertTrue(rejected > 5 && rejected < expressions.size() - 20, "both outcomes are compared: " + rejected + " rejected");
    }

    private static Cel declare(CelBuilder builder) {
        return builder.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("object", SimpleType.DYN).addVar("m", MapType.create(SimpleType.STRING, SimpleType.INT)).addVar("n", SimpleType.INT)
                .addVar("d", SimpleType.DOUBLE).addVar("u", SimpleType.UINT).addVar("t", SimpleType.TIMESTAMP).build();
    }
}
