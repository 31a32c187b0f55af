package dev.kubelessons.lint;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.NearestWord;
import dev.kubelessons.markdown.YamlDocument;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks a manifest against the Kubernetes schema as the fabric8 model encodes it: every
 * field must exist where it is written (what strict field validation enforces on the API
 * server), numbers must be numbers, lists lists. Positions come from the YAML nodes.
 */
final class ManifestSchema {

    private static final Map<Class<?>, Map<String, Type>> FIELDS = new ConcurrentHashMap<>();

    private final KubernetesKinds kinds;

    ManifestSchema(KubernetesKinds kinds) {
        this.kinds = kinds;
    }

    /** Validates one YAML document of a manifest block. */
    void validate(YamlDocument document, Node root, List<Problem> problems) {
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new Problem(document.position(root), "a manifest must be a YAML mapping with apiVersion, kind and metadata", "start it with 'apiVersion:' and 'kind:'"));
            return;
        }
        Map<String, Node> top = entries(mapping);
        String apiVersion = scalar(top.get("apiVersion"));
        String kind = scalar(top.get("kind"));
        if (apiVersion == null || kind == null) {
            problems.add(new Problem(document.position(root), "the manifest has no " + (apiVersion == null ? "apiVersion" : "kind"),
                    "add 'apiVersion:' and 'kind:', e.g. apiVersion: v1 and kind: Service"));
            return;
        }
        var type = kinds.find(apiVersion, kind);
        if (type.isEmpty()) {
            problems.add(unknownKind(document, top, apiVersion, kind));
            return;
        }
        walk(document, mapping, type.get(), kind, problems);
    }

    private Problem unknownKind(YamlDocument document, Map<String, Node> top, String apiVersion, String kind) {
        List<String> versions = kinds.apiVersionsOf(kind);
        if (!versions.isEmpty()) {
            return new Problem(document.position(top.get("apiVersion")), "kind " + kind + " is not served under apiVersion '" + apiVersion + "'",
                    "use apiVersion: " + String.join(" or ", versions));
        }
        return new Problem(document.position(top.get("kind")), "unknown kind '" + kind + "'" + NearestWord.suggestion(kinds.kinds(), kind),
                "use a Kubernetes kind such as Deployment, Service or NetworkPolicy; kinds are case-sensitive");
    }

    private void walk(YamlDocument document, MappingNode node, Class<?> type, String path, List<Problem> problems) {
        Map<String, Type> known = fieldsOf(type);
        for (NodeTuple tuple : node.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (key == null) {
                continue;
            }
            Type fieldType = known.get(key);
            if (fieldType == null) {
                String suggestion = NearestWord.in(known.keySet(), key).orElse(null);
                problems.add(new Problem(document.position(tuple.getKeyNode()),
                        "unknown field '" + key + "' in " + path + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"),
                        suggestion == null ? "remove it; known fields here: " + String.join(", ", known.keySet())
                                : "rename it to '" + suggestion + "': the API server rejects unknown fields under strict validation, and many tools silently drop them"));
                continue;
            }
            value(document, tuple.getValueNode(), fieldType, path + "." + key, problems);
        }
    }

    private void value(YamlDocument document, Node node, Type type, String path, List<Problem> problems) {
        if (node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null")) {
            return;
        }
        Class<?> raw = raw(type);
        if (List.class.isAssignableFrom(raw)) {
            if (!(node instanceof SequenceNode sequence)) {
                problems.add(new Problem(document.position(node), path + " must be a list", "write each item on its own line starting with '- '"));
                return;
            }
            Type item = argument(type, 0);
            for (int i = 0; i < sequence.getValue().size(); i++) {
                value(document, sequence.getValue().get(i), item, path + "[" + i + "]", problems);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!(node instanceof MappingNode mapping)) {
                problems.add(new Problem(document.position(node), path + " must be a mapping of 'key: value' lines", "indent its entries under it"));
                return;
            }
            Type valueType = argument(type, 1);
            for (NodeTuple tuple : mapping.getValue()) {
                value(document, tuple.getValueNode(), valueType, path + "." + scalar(tuple.getKeyNode()), problems);
            }
        } else if (raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class) {
            String text = scalar(node);
            if (text == null || !text.strip().matches("-?[0-9]+")) {
                problems.add(new Problem(document.position(node), path + " must be a whole number", "write a number without quotes, e.g. 80"));
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            String text = scalar(node);
            if (!"true".equals(text) && !"false".equals(text)) {
                problems.add(new Problem(document.position(node), path + " must be true or false", "write true or false without quotes"));
            }
        } else if (isModel(raw)) {
            if (node instanceof MappingNode mapping) {
                walk(document, mapping, raw, path, problems);
            } else {
                problems.add(new Problem(document.position(node), path + " must be a mapping of fields", "indent its fields under it"));
            }
        }
        // Strings, IntOrString, Quantity and free-form values accept any scalar or structure.
    }

    static boolean isModel(Class<?> raw) {
        return raw.getName().startsWith("io.fabric8.kubernetes.api.model") && !fieldsOf(raw).isEmpty()
                && !raw.getSimpleName().equals("IntOrString") && !raw.getSimpleName().equals("Quantity")
                && !raw.getSimpleName().equals("AnyType") && !raw.getSimpleName().equals("JSONSchemaProps");
    }

    static Map<String, Type> fieldsOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            Map<String, Type> fields = new LinkedHashMap<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    JsonProperty property = field.getAnnotation(JsonProperty.class);
                    if (property != null && !property.value().isEmpty() && !field.getName().equals("additionalProperties")) {
                        fields.putIfAbsent(property.value(), field.getGenericType());
                    }
                }
            }
            return fields;
        });
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    static Map<String, Node> entries(MappingNode mapping) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (key != null) {
                entries.putIfAbsent(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }
}
