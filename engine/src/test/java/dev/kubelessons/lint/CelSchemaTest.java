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

/**
 * CelSchema's compilers type and reject exactly what CEL's standard builder does: with the standard declarations built
 * once, and checking an expression with only the standard functions it calls.
 */
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
        Cel ours = declare(CelSchema.standardBuilder(null));
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

    private static final List<String> TYPED_EDGES = List.of(
            "object.spec.type == 'ClusterIP'", "object.spec.portz == 1", "size(object.spec.ports) > 1", "object.spec.replicas < 2.0",
            "object.spec.replicas == 2u", "object.spec.ports.exists(p, p.port == 80u)", "object.spec.ports.all(p, p.portz > 0)",
            "int(object.spec.replicas) + 1 == 3", "string(object.spec.replicas) == '2'", "object.metadata.labels.app == 'web'",
            "'app' in object.metadata.labels && object.metadata.labels['app'].startsWith('w')", "has(object.spec.selector.matchLabels)",
            "object.spec.ports.map(p, p.port).filter(x, x > 80).size() == 1", "object.spec.template.spec.containers[0].image == 'nginx'",
            "object.spec.template.spec.containers.exists_one(c, c.name.matches('^web'))", "object.status.readyReplicas >= object.spec.replicas",
            "object.spec == null", "object.spec.replicas + 'a'", "nope(object)", "object.spec.replicas.nope()", "size(object) > 0",
            "duration(object.spec.minReadySeconds) > duration('1s')", "object.spec.replicas > 1 ? 'a' : 1", "-object.spec.replicas < 0",
            "!has(object.spec.paused) || !object.spec.paused", "object.spec.ports[0].targetPort == 80", "type(object) == int",
            "object.metadata.creationTimestamp < timestamp('2024-01-01T00:00:00Z')", "[object.spec.replicas, 1.0][0] == 1");

    @Test
    void aTypedExpressionIsCheckedTheSameWithOnlyTheFunctionsItCalls() throws Exception {
        KubernetesKinds kinds = new KubernetesKinds();
        CelSchema schema = new CelSchema();
        List<Class<?>> models = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (String kind : List.of("Service", "Deployment", "Pod")) {
            for (String expression : TYPED_EDGES) {
                models.add(kinds.find(kind.equals("Deployment") ? "apps/v1" : "v1", kind).orElseThrow());
                expressions.add(expression);
            }
        }
        new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).allLessons().forEach(lesson -> lesson.checks().stream()
                .filter(CheckSpec.Cel.class::isInstance).map(CheckSpec.Cel.class::cast)
                .filter(c -> c.resource().apiVersion() != null && kinds.find(c.resource().apiVersion(), c.resource().kind()).isPresent())
                .forEach(c -> {
                    models.add(kinds.find(c.resource().apiVersion(), c.resource().kind()).orElseThrow());
                    expressions.add(c.expression());
                }));
        int rejected = 0;
        for (int i = 0; i < expressions.size(); i++) {
            String expression = expressions.get(i);
            String where = models.get(i).getSimpleName() + ": " + expression;
            CelValidationResult expected = schema.compiler(models.get(i), null).compile(expression);
            CelValidationResult actual = schema.compileTyped(models.get(i), expression);
            rejected += expected.hasError() ? 1 : 0;
            assertEquals(expected.hasError(), actual.hasError(), where);
            assertEquals(expected.getAllIssues().toString(), actual.getAllIssues().toString(), where);
            if (!expected.hasError()) {
                assertEquals(expected.getAst().getResultType(), actual.getAst().getResultType(), where);
            }
        }
        assertTrue(rejected > 10 && rejected < expressions.size() - 30, "both outcomes are compared: " + rejected + " of " + expressions.size());
    }

    private static Cel declare(CelBuilder builder) {
        return builder.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("object", SimpleType.DYN).addVar("m", MapType.create(SimpleType.STRING, SimpleType.INT)).addVar("n", SimpleType.INT)
                .addVar("d", SimpleType.DOUBLE).addVar("u", SimpleType.UINT).addVar("t", SimpleType.TIMESTAMP).build();
    }
}
