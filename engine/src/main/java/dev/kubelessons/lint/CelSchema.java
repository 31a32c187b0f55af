package dev.kubelessons.lint;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.checker.CelStandardDeclarations;
import dev.cel.checker.CelStandardDeclarations.StandardFunction.Overload.Comparison;
import dev.cel.checker.CelStandardDeclarations.StandardFunction.Overload.Conversions;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.parser.CelStandardMacro;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * CEL typed by the Kubernetes schema of the checked kind, as the API server types a
 * ValidatingAdmissionPolicy's expressions: {@code object} is the kind's structure (from the fabric8
 * model, the source lint's manifest check uses too), so {@code object.spec.portz} on a Service is an
 * "undefined field" at lint time instead of a check that can never pass. Maps stay maps (labels,
 * selectors); IntOrString, Quantity and free-form values stay dynamic.
 */
final class CelSchema implements CelTypeProvider {

    /** A field the schema does not have, at a 1-based line and column of the expression. */
    record UnknownField(int line, int column, String message) {
    }

    /** A typed compile: clean (no error of any kind: nothing more to check), or the unknown fields among its errors. */
    record Typed(boolean clean, List<UnknownField> unknownFields) {
    }

    private final Map<String, StructType> structs = new ConcurrentHashMap<>();
    private final Map<String, Cel> compilers = new ConcurrentHashMap<>();
    private final Map<String, Typed> checked = new ConcurrentHashMap<>();

    /** The expression compiled with {@code object} of this model class (each pair once). */
    Typed compile(Class<?> model, String expression) {
        return checked.computeIfAbsent(model.getName() + "\u0000" + expression, key -> typed(model, expression));
    }

    /**
     * What a compiler with every standard function declared gives for the expression ({@link #compiler}{@code (model,
     * null)}), checked by one that declares only the standard functions the parsed expression calls. CEL's checker adds
     * each declared function's overloads to a new environment for every expression it checks (23% of a cold lint of
     * 1,000 distinct lessons, JFR); a function the expression does not call takes no part in its check, and the
     * operators and macros it uses are calls in the parsed tree. CelSchemaTest compiles the same expressions both ways.
     */
    CelValidationResult compileTyped(Class<?> model, String expression) {
        Cel parser = compiler(model, Set.of());
        CelValidationResult parsed = parser.parse(expression);
        if (parsed.hasError()) {
            return parsed;
        }
        try {
            CelAbstractSyntaxTree ast = parsed.getAst();
            Set<String> calls = CelNavigableAst.fromAst(ast).getRoot().allNodes().filter(node -> node.getKind() == CelExpr.ExprKind.Kind.CALL)
                    .map(node -> node.expr().call().function()).collect(Collectors.toCollection(TreeSet::new));
            return compiler(model, calls).check(ast);
        } catch (CelValidationException e) {
            throw new IllegalStateException("a parse without errors has a syntax tree", e);
        }
    }

    private Typed typed(Class<?> model, String expression) {
        CelValidationResult result = compileTyped(model, expression);
        List<UnknownField> unknown = new ArrayList<>();
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                // Only what the schema decides: other typed errors (null comparisons, overloads) are not lint's to judge here.
                if (issue.getMessage().contains("undefined field")) {
                    unknown.add(new UnknownField(Math.max(1, issue.getSourceLocation().getLine()),
                            Math.max(0, issue.getSourceLocation().getColumn()) + 1, issue.getMessage()));
                }
            }
        }
        return new Typed(!result.hasError(), unknown);
    }

    /**
     * A compiler with {@code object} of this model class and CEL's standard macros, declaring the standard functions
     * named in {@code functions} ({@code null}: all of them, as {@link CelFactory#standardCelBuilder()}), one per model
     * and set of names. The standard declarations are filtered as CEL's {@code Env.standard} filters them for the
     * options (cel-java 0.14.0), and built once per compiler rather than once per check.
     */
    Cel compiler(Class<?> model, Set<String> functions) {
        String key = model.getName() + "\u0000" + (functions == null ? "*" : String.join(",", new TreeSet<>(functions)));
        return compilers.computeIfAbsent(key, k -> standardBuilder(functions)
                .setTypeProvider(this)
                .addVar("object", struct(model))
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .build());
    }

    /** CEL's standard builder with the standard functions named in {@code functions} ({@code null}: all) declared. */
    static CelBuilder standardBuilder(Set<String> functions) {
        CelStandardDeclarations declarations = CelStandardDeclarations.newBuilder()
                .filterFunctions((function, overload) -> (functions == null || functions.contains(function.functionName()))
                        && switch (function) {
                            case INT -> OPTIONS.enableUnsignedLongs() || !overload.equals(Conversions.INT64_TO_INT64);
                            case TIMESTAMP -> OPTIONS.enableTimestampEpoch() || !overload.equals(Conversions.INT64_TO_TIMESTAMP);
                            default -> OPTIONS.enableHeterogeneousNumericComparisons()
                                    || !(overload instanceof Comparison comparison && comparison.isHeterogeneousComparison());
                        })
                .build();
        return CelFactory.standardCelBuilder().setOptions(OPTIONS).setStandardEnvironmentEnabled(false).setStandardDeclarations(declarations);
    }

    private static final CelOptions OPTIONS = CelOptions.current().build();

    @Override
    public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(structs.get(typeName));
    }

    private StructType struct(Class<?> model) {
        StructType known = structs.get(model.getName());
        if (known != null) {
            return known;
        }
        Map<String, Type> fields = ManifestSchema.fieldsOf(model);
        // Fields resolve lazily: the model refers to itself in places (JSON schemas), and most is never asked for.
        StructType created = StructType.create(model.getName(), ImmutableSet.copyOf(fields.keySet()),
                name -> Optional.ofNullable(fields.get(name)).map(this::type));
        StructType raced = structs.putIfAbsent(model.getName(), created);
        return raced != null ? raced : created;
    }

    private CelType type(Type type) {
        Class<?> raw = ManifestSchema.raw(type);
        if (raw == String.class) {
            return SimpleType.STRING;
        }
        if (raw == Integer.class || raw == Long.class || raw == Short.class || raw == int.class || raw == long.class) {
            return SimpleType.INT;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return SimpleType.BOOL;
        }
        if (raw == Double.class || raw == Float.class || raw == double.class || raw == float.class) {
            return SimpleType.DOUBLE;
        }
        if (List.class.isAssignableFrom(raw)) {
            return ListType.create(type(ManifestSchema.argument(type, 0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return MapType.create(SimpleType.STRING, type(ManifestSchema.argument(type, 1)));
        }
        return ManifestSchema.isModel(raw) ? struct(raw) : SimpleType.DYN;
    }
}
