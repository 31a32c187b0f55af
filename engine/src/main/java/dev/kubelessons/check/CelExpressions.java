package dev.kubelessons.check;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CEL as Kubernetes' admission policies use it: one variable, {@code object}, the live
 * object as a map, with the standard macros. Lint compiles with it; checks evaluate with it.
 */
public final class CelExpressions {

    /** A compile error at a 1-based line and column inside the expression. */
    public record Issue(int line, int column, String message) {
    }

    private final Cel cel = CelFactory.standardCelBuilder()
            .addVar("object", SimpleType.DYN)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .build();

    public List<Issue> compileErrors(String expression) {
        CelValidationResult result = cel.compile(expression);
        List<Issue> issues = new ArrayList<>();
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                int line = Math.max(1, issue.getSourceLocation().getLine());
                int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
                issues.add(new Issue(line, column, issue.getMessage()));
            }
        }
        return issues;
    }

    /**
     * Evaluates the expression against an object given as JSON-like maps and lists.
     * @throws IllegalArgumentException with CEL's message if it does not compile, errors, or is not boolean
     */
    public boolean test(String expression, Map<String, Object> object) {
        try {
            CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
            Object result = cel.createProgram(ast).eval(Map.of("object", celValue(object)));
            if (result instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException("the expression gives " + result + ", not true or false");
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** CEL's Java runtime wants long and double, not the int and float Jackson produces. */
    static Object celValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), celValue(v)));
            return converted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CelExpressions::celValue).toList();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }
}
