package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, position-aware reads from a YAML mapping. Every wrong type or missing field is
 * recorded as a {@link Problem} at the field's own line, and reads return empty.
 */
public final class YamlMapping {

    private final YamlDocument document;
    private final Node node;
    private final Map<String, NodeTuple> entries;
    private final List<Problem> problems;
    private final String what;

    private YamlMapping(YamlDocument document, Node node, Map<String, NodeTuple> entries, List<Problem> problems, String what) {
        this.document = document;
        this.node = node;
        this.entries = entries;
        this.problems = problems;
        this.what = what;
    }

    /** A reader over {@code node}, or empty (with a problem) if it is not a mapping. */
    public static Optional<YamlMapping> of(YamlDocument document, Node node, List<Problem> problems, String what) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new Problem(document.position(node), what + " must be a YAML mapping of 'key: value' lines",
                    "write it as 'key: value' pairs"));
            return Optional.empty();
        }
        return Optional.of(new YamlMapping(document, node, entries(document, mapping, problems, what), problems, what));
    }

    /** The keys of {@code mapping} in file order; a repeated key is reported here, the one place a mapping is first read. */
    private static Map<String, NodeTuple> entries(YamlDocument document, MappingNode mapping, List<Problem> problems, String what) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && entries.putIfAbsent(key.getValue(), tuple) != null) {
                problems.add(new Problem(document.position(key), "duplicate key '" + key.getValue() + "' in " + what,
                        "keep one '" + key.getValue() + ":' line"));
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /**
     * The same mapping, named differently in messages (a check by its id once that is known). Its keys are not read
     * again: a duplicate key was reported when the mapping was first read, and would be reported twice.
     */
    public YamlMapping describedAs(String description) {
        return new YamlMapping(document, node, entries, problems, description);
    }

    public SourcePosition position() {
        return document.position(node);
    }

    public SourcePosition position(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? position() : document.position(tuple.getKeyNode());
    }

    public SourcePosition valuePosition(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? position() : document.position(tuple.getValueNode());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Collection<String> keys() {
        return entries.keySet();
    }

    public Optional<Node> node(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    public Optional<String> string(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problems.add(new Problem(valuePosition(key), "'" + key + "' in " + what + " must be a single value", "write '" + key + ": <value>' on one line"));
        return Optional.empty();
    }

    public Optional<String> requiredString(String key, String example) {
        if (!has(key)) {
            problems.add(new Problem(position(), what + " has no '" + key + "'", "add '" + key + ": " + example + "'"));
            return Optional.empty();
        }
        return string(key).filter(s -> {
            if (s.isBlank()) {
                problems.add(new Problem(valuePosition(key), "'" + key + "' in " + what + " is empty", "add '" + key + ": " + example + "'"));
            }
            return !s.isBlank();
        });
    }

    public Optional<Integer> integer(String key, int min, int max) {
        return string(key).flatMap(text -> {
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(new Problem(valuePosition(key), "'" + key + "' must be a whole number from " + min + " to " + max + ", not '" + text + "'",
                    "write a number, e.g. '" + key + ": " + min + "'"));
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String key) {
        return string(key).flatMap(text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problems.add(new Problem(valuePosition(key), "'" + key + "' must be true or false, not '" + text + "'", "write '" + key + ": true' or '" + key + ": false'"));
                yield Optional.empty();
            }
        });
    }

    /** A list of strings; a single scalar is accepted as a one-element list. */
    public List<String> strings(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof ScalarNode scalar) {
            return scalar.getValue().isBlank() ? List.of() : List.of(scalar.getValue());
        }
        List<String> result = new ArrayList<>();
        if (value.get() instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar) {
                    result.add(scalar.getValue());
                } else {
                    problems.add(new Problem(document.position(item), "items of '" + key + "' must be plain text", "write each item as '- text'"));
                }
            }
            return result;
        }
        problems.add(new Problem(valuePosition(key), "'" + key + "' must be a list", "write it as a list of '- item' lines"));
        return result;
    }

    /** A nested mapping of plain strings (labels, path orders). */
    public Map<String, String> stringMap(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        node(key).flatMap(n -> of(document, n, problems, "'" + key + "'")).ifPresent(inner -> {
            for (String k : inner.keys()) {
                inner.string(k).ifPresent(v -> result.put(k, v));
            }
        });
        return result;
    }

    public Optional<YamlMapping> mapping(String key) {
        return node(key).flatMap(n -> of(document, n, problems, "'" + key + "'"));
    }

    /** Reports every key that is not in {@code allowed}, with the nearest allowed one. */
    public void rejectUnknownKeys(Collection<String> allowed) {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                problems.add(new Problem(position(key), "unknown field '" + key + "' in " + what + NearestWord.suggestion(allowed, key),
                        "use one of: " + String.join(", ", allowed)));
            }
        }
    }

    public void report(String key, String message, String fix) {
        problems.add(new Problem(has(key) ? valuePosition(key) : position(), message, fix));
    }

    /** A problem with the key itself (its spelling), at the key rather than its value. */
    public void reportKey(String key, String message, String fix) {
        problems.add(new Problem(position(key), message, fix));
    }
}
