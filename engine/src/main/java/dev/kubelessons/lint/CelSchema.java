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
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
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
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<Class<?>, Cel> compilers = new ConcurrentHashMap<>();
    private final Map<String, Typed> checked = new ConcurrentHashMap<>();

    /** The expression compiled with {@code object} of this model class (each pair once). */
    Typed compile(Class<?> model, String expression) {
        return checked.computeIfAbsent(model.getName() + "\u0000" + expression, key -> typed(model, expression));
    }

    /**
     * CEL's standard builder ({@link CelFactory#standardCelBuilder()}) with the standard declarations built once: its
     * checker otherwise builds them again for every expression it checks (every standard function's overloads, filtered
     * by the options: 7.7% of a cold lint of 1,000 distinct lessons, JFR), and a course of different lessons has as many
     * expressions to check as checks. The filter is the one CEL's {@code Env.standard} applies (cel-java 0.14.0);
     * CelSchemaTest compiles the same expressions both ways.
     */
    static CelBuilder standardBuilder() {
        return CelFactory.standardCelBuilder().setOptions(OPTIONS).setStandardEnvironmentEnabled(false).setStandardDeclarations(STANDARD);
    }

    private static final CelOptions OPTIONS = CelOptions.current().build();

    private static final CelStandardDeclarations STANDARD = CelStandardDeclarations.newBuilder()
            .filterFunctions((function, overload) -> switch (function) {
                case INT -> OPTIONS.enableUnsignedLongs() || !overload.equals(Conversions.INT64_TO_INT64);
                case TIMESTAMP -> OPTIONS.enableTimestampEpoch() || !overload.equals(Conversions.INT64_TO_TIMESTAMP);
                default -> OPTIONS.enableHeterogeneousNumericComparisons()
                        || !(overload instanceof Comparison comparison && comparison.isHeterogeneousComparison());
            })
            .build();

    private Typed typed(Class<?> model, String expression) {
        Cel cel = compilers.computeIfAbsent(model, m -> standardBuilder()
                .setTypeProvider(this)
                .addVar("object", struct(m))
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .build());
        CelValidationResult result = cel.compile(expression);
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
