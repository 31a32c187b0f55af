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
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL as Kubernetes' admission policies use it: one variable, {@code object}, the live
 * object as a map, with the standard macros. Lint compiles with it; checks evaluate with it.
 */
public final class CelExpressions {

    /** A compile error at a 1-based line and column inside the expression. */
    public record Issue(int line, int column, String message) {
    }

    // One environment and one program per expression for the whole process: a Cel and its programs are immutable
    // and thread-safe, and building the environment is most of the first expression's cost.
    // In a holder class: built by the first thread that uses it (the warm-up's), not by whoever names this class.
    private static final class Shared {
        static final Cel CEL = CelFactory.standardCelBuilder()
                .addVar("object", SimpleType.DYN)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .build();
        static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();
    }

    private final Cel cel = Shared.CEL;
    private final Map<String, CelRuntime.Program> programs = Shared.PROGRAMS;

    /**
     * Compiles {@code expressions} into the programs every instance shares, so their first evaluation only evaluates.
     * A {@code --check} does this on the thread that would otherwise wait for the cluster. An expression that does not
     * compile is left for its evaluation, which reports it.
     */
    public void compileAhead(List<String> expressions) {
        for (String expression : expressions) {
            try {
                program(expression);
            } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
                // Reported by the check that evaluates it.
            }
        }
    }

    public List<Issue> compileErrors(String expression) {
        CelValidationResult result = cel.compile(expression);
        List<Issue> issues = new ArrayList<>();
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                int line = Math.max(1, issue.getSourceLocation().getLine());
                int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
                issues.add(new Issue(line, column, unescaped(issue.getMessage())));
            }
        }
        return issues;
    }

    /**
     * A compile error as it should read. cel-java 0.14.0's parser doubles every '%' of a syntax error for a format call
     * it never makes, so '%%' stands among the expected tokens where the operator is '%' (x ? 1 expects ... '/', '%%').
     */
    private static String unescaped(String message) {
        return message.replace("%%", "%");
    }

    /**
     * Evaluates the expression against an object given as JSON-like maps and lists.
     * @throws IllegalArgumentException with CEL's message if it does not compile, errors, or is not boolean
     */
    public boolean test(String expression, Map<String, Object> object) {
        try {
            Object result = program(expression).eval(Map.of("object", celValue(object)));
            if (result instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException("the expression gives " + result + ", not true or false");
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(unescaped(e.getMessage()), e);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The expression's program, compiled once per instance: compiling type-checks against CEL's whole standard
     * environment, which its checker builds anew on every compile, and a watcher evaluates the same few
     * expressions again on every change. Only programs are kept; an expression that does not compile throws each time.
     */
    private CelRuntime.Program program(String expression) throws CelValidationException, CelEvaluationException {
        CelRuntime.Program known = programs.get(expression);
        if (known != null) {
            return known;
        }
        CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
        CelRuntime.Program program = cel.createProgram(ast);
        programs.put(expression, program);
        return program;
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
