package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code ```plantuml diagram} fence: the header comments ({@code ' title: ...} and
 * {@code ' description: ...}, longer values continued on further {@code '} lines), then the PlantUML
 * text. The header is made of PlantUML comments, so the block stays valid PlantUML for any other tool.
 */
public final class DiagramReader {

    /** The one language a diagram fence may have. */
    public static final String LANGUAGE = "plantuml";

    private static final Pattern KEY = Pattern.compile("'\\s*([A-Za-z-]+)\\s*:\\s*(.*)");
    // Diagrams are drawn on the author's and the learner's machine: nothing may pull in files or URLs.
    private static final Pattern INCLUDE = Pattern.compile("\\s*!(include\\w*|import)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final String EXAMPLE = "' title: A packet to my-nginx / ' description: The client pod sends to the ClusterIP ...";

    private DiagramReader() {
    }

    /** Whether a fence's info string opens a diagram ({@code plantuml diagram}). */
    public static boolean isDiagram(String info) {
        if (info == null) {
            return false;
        }
        String[] words = info.trim().toLowerCase(Locale.ROOT).split("\\s+");
        return words.length >= 2 && words[1].equals("diagram");
    }

    /** The diagram of a fence whose content starts on the line after {@code fence}; problems are added, never thrown. */
    public static Optional<Diagram> read(String language, String content, SourcePosition fence, List<Problem> problems) {
        if (!language.equals(LANGUAGE)) {
            problems.add(new Problem(fence, "a diagram must be written in PlantUML, not '" + language + "'",
                    "open it with '```plantuml diagram' (lessons/README.md, 'Diagrams', says why PlantUML)"));
            return Optional.empty();
        }
        Header header = header(content);
        int sourceLine = fence.line() + 1 + header.lines;
        boolean complete = true;
        for (String missing : List.of("title", "description")) {
            if (header.value(missing).isBlank()) {
                complete = false;
                problems.add(new Problem(fence, "the diagram has no " + missing,
                        "start the block with header comments, e.g. " + EXAMPLE + " (one per line)"));
            }
        }
        for (String key : header.unknown) {
            problems.add(new Problem(fence, "unknown diagram header '" + key + "'" + NearestWord.suggestion(List.of("title", "description"), key),
                    "a diagram's header has 'title:' and 'description:' only"));
        }
        String[] lines = content.split("\n", -1);
        for (int i = header.lines; i < lines.length; i++) {
            if (INCLUDE.matcher(lines[i]).matches()) {
                complete = false;
                problems.add(new Problem(SourcePosition.of(fence.file(), fence.line() + 1 + i, 1),
                        "a diagram may not include other files or URLs",
                        "write the diagram out in the block: it is drawn on every reader's machine, which has only the lesson"));
            }
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(new Diagram(header.value("title"), header.value("description"),
                String.join("\n", List.of(lines).subList(header.lines, lines.length)), fence, sourceLine));
    }

    /** Title, description and PlantUML text of a diagram fence, for renderers that need no positions. */
    public static Optional<Diagram> read(String content) {
        return read(LANGUAGE, content, SourcePosition.of(java.nio.file.Path.of("diagram"), 1, 1), new ArrayList<>());
    }

    private record Header(List<String> keys, List<StringBuilder> values, List<String> unknown, int lines) {
        String value(String key) {
            int i = keys.indexOf(key);
            return i < 0 ? "" : values.get(i).toString().strip();
        }
    }

    private static Header header(String content) {
        List<String> keys = new ArrayList<>();
        List<StringBuilder> values = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        int n = 0;
        for (; n < lines.length && lines[n].strip().startsWith("'"); n++) {
            String line = lines[n].strip();
            Matcher key = KEY.matcher(line);
            String name = key.matches() ? key.group(1).toLowerCase(Locale.ROOT) : null;
            if (name != null && (name.equals("title") || name.equals("description"))) {
                keys.add(name);
                values.add(new StringBuilder(key.group(2).strip()));
            } else if (!values.isEmpty() && (name == null || line.startsWith("'  "))) {
                // A continuation: indented comment lines carry a long description on.
                values.get(values.size() - 1).append(' ').append(line.substring(1).strip());
            } else if (name != null) {
                unknown.add(name);
            }
        }
        return new Header(keys, values, unknown, n);
    }
}
