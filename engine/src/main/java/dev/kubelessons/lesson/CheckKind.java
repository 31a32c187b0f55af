package dev.kubelessons.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The check kinds a lesson may use, by the word written after {@code kind:} in a check block. */
public enum CheckKind {
    EXISTS("exists", false, List.of("resource")),
    ABSENT("absent", false, List.of("resource")),
    CEL("cel", false, List.of("resource", "expect")),
    ROLLOUT("rollout", false, List.of("resource")),
    ENDPOINTS("endpoints", false, List.of("service", "count")),
    HTTP("http", true, List.of("url", "status", "bodyContains", "headers")),
    DNS("dns", true, List.of("name", "resolves")),
    TRAFFIC("traffic", true, List.of("from", "to", "expect")),
    NODE_COMMAND("node-command", true, List.of("node", "command", "outputMatches", "requires"));

    private final String word;
    private final boolean needsDataPlane;
    private final List<String> fields;

    CheckKind(String word, boolean needsDataPlane, List<String> fields) {
        this.word = word;
        this.needsDataPlane = needsDataPlane;
        this.fields = fields;
    }

    public String word() { return word; }
    public boolean needsDataPlane() { return needsDataPlane; }
    /** Fields specific to this kind, besides the common id, title, kind, hint, explain. */
    public List<String> fields() { return fields; }

    public static Optional<CheckKind> byWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(CheckKind::word).toList();
    }
}
