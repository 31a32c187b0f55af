package dev.kubelessons.check;

import dev.cel.common.CelValidationException;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.ResourceRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Evaluates {@code cel}: the expression over the live object; a false result lists the fields it read. */
final class CelEvaluator {

    private static final Pattern FIELD_PATH = Pattern.compile("\\bobject((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    private static final int MAX_FIELDS = 4;
    private static final int MAX_VALUE_CHARS = 80;

    private final ResourceLookup lookup;
    private final CelExpressions cel;

    CelEvaluator(ResourceLookup lookup, CelExpressions cel) {
        this.lookup = lookup;
        this.cel = cel;
    }

    @SuppressWarnings("unchecked")
    Verdict evaluate(CheckSpec.Cel check, CheckContext context) {
        ResourceRef ref = check.resource();
        GenericKubernetesResource object = lookup.get(context, ref.apiVersion(), ref.kind(), ref.name());
        if (object == null) {
            return Verdict.fail(check, "missing", "exists and " + oneLine(check.expression()),
                    ref + " does not exist " + lookup.where(context, ref.apiVersion(), ref.kind()));
        }
        Map<String, Object> map = context.client().getKubernetesSerialization().convertValue(object, Map.class);
        String expression = oneLine(check.expression());
        boolean result;
        try {
            result = cel.test(check.expression(), map);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof CelValidationException) {
                return Verdict.error(check, "the CEL expression does not compile: " + e.getMessage());
            }
            // A field the learner has not set yet ("no such key") is their failure, not the tool's.
            if (e.getCause() != null) {
                return Verdict.fail(check, "cannot evaluate", "true",
                        expression + " cannot be evaluated on " + ref + ": " + e.getMessage() + explainFields(check.expression(), map));
            }
            return Verdict.error(check, expression + ": " + e.getMessage());
        }
        if (result) {
            return Verdict.pass(check, "true", expression + " is true for " + ref);
        }
        return Verdict.fail(check, "false", "true", expression + " is false" + explainFields(check.expression(), map));
    }

    /** " (spec.type is NodePort, spec.selector is absent)": the values of the fields the expression reads. */
    static String explainFields(String expression, Map<String, Object> object) {
        Set<String> paths = new LinkedHashSet<>();
        Matcher matcher = FIELD_PATH.matcher(expression);
        while (matcher.find()) {
            paths.add(matcher.group(1).substring(1));
        }
        // A path that is a prefix of another (spec.selector before spec.selector.app) adds nothing.
        List<String> shown = new ArrayList<>();
        for (String path : paths) {
            boolean prefix = paths.stream().anyMatch(p -> p.startsWith(path + "."));
            if (!prefix && shown.size() < MAX_FIELDS) {
                shown.add(path + " is " + render(valueAt(object, path)));
            }
        }
        return shown.isEmpty() ? "" : " (" + String.join(", ", shown) + ")";
    }

    static Object valueAt(Map<String, Object> object, String path) {
        Object current = object;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Absent.INSTANCE;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String render(Object value) {
        if (value == Absent.INSTANCE) {
            return "absent";
        }
        String text = value instanceof String s && s.isEmpty() ? "''" : String.valueOf(value);
        return text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) + "…" : text;
    }

    private static String oneLine(String expression) {
        return expression.strip().replaceAll("\\s+", " ");
    }

    private enum Absent { INSTANCE }
}
