package dev.kubelessons.lint;

import dev.kubelessons.lesson.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * Finds a character of a YAML scalar's value in the lesson file. A folded ({@code >}) or literal
 * ({@code |}) block scalar, or a plain scalar over several lines, joins its lines into one value,
 * so a column in the value (what the CEL compiler reports) says nothing about the file's line
 * until the value is walked line by line against the text it came from.
 */
final class ScalarSource {

    private ScalarSource() {
    }

    /**
     * @param lines the lesson file's lines
     * @param start where the scalar starts (its first character, or a block scalar's indicator)
     * @param value the scalar's value as the YAML parser gave it
     * @param offset the character of the value to find
     * @return its position, or empty when the text does not match the value (quoted scalars with escapes)
     */
    static Optional<SourcePosition> locate(List<String> lines, SourcePosition start, String value, int offset) {
        int index = start.line() - 1;
        if (index < 0 || index >= lines.size() || start.column() - 1 >= lines.get(index).length()) {
            return Optional.empty();
        }
        String first = lines.get(index);
        char opening = first.charAt(start.column() - 1);
        if (opening == '"' || opening == '\'') {
            return Optional.empty();
        }
        boolean block = opening == '|' || opening == '>';
        int at = 0; // how much of the value the lines so far account for
        for (int i = block ? index + 1 : index; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue; // an empty line is a line break in the value, skipped like any separator below
            }
            int indent = i == index ? start.column() - 1 : leadingSpaces(line);
            // A block scalar keeps a line's trailing spaces; a plain one drops them. Extra indentation of a
            // more-indented line is in the value too: the separator loop below steps over it.
            String content = block ? line.substring(indent) : line.substring(indent).stripTrailing();
            if (!value.startsWith(content, at)) {
                return Optional.empty();
            }
            if (offset < at + content.length()) {
                return Optional.of(SourcePosition.of(start.file(), i + 1, indent + offset - at + 1));
            }
            at += content.length();
            while (at < value.length() && (value.charAt(at) == ' ' || value.charAt(at) == '\n')) {
                if (offset == at) {
                    // The break between two lines: the end of the line before it.
                    return Optional.of(SourcePosition.of(start.file(), i + 1, indent + content.length() + 1));
                }
                at++;
            }
            if (at >= value.length()) {
                return offset >= at ? Optional.of(SourcePosition.of(start.file(), i + 1, indent + content.length() + 1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
