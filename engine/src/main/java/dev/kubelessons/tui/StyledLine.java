package dev.kubelessons.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of styled text that wraps at word boundaries to a width, with an indent for the first
 * line and one for the rest (list items hang under their bullet). Widths count characters, not escape codes.
 */
public final class StyledLine {

    private record Span(String text, Style style) {
    }

    private final List<Span> spans = new ArrayList<>();

    public StyledLine add(String text, Style style) {
        if (!text.isEmpty()) {
            spans.add(new Span(text, style));
        }
        return this;
    }

    public boolean isEmpty() {
        return spans.stream().allMatch(s -> s.text.isBlank());
    }

    public String plain() {
        StringBuilder out = new StringBuilder();
        spans.forEach(s -> out.append(s.text));
        return out.toString();
    }

    /** This text as one line, cut with an ellipsis past {@code width}. */
    public String truncated(int width, boolean color) {
        StringBuilder out = new StringBuilder();
        int left = Math.max(1, width);
        for (Span span : spans) {
            if (span.text.length() >= left && !(span == spans.get(spans.size() - 1) && span.text.length() == left)) {
                out.append(span.style.apply(span.text.substring(0, Math.max(0, left - 1)) + "…", color));
                return out.toString();
            }
            out.append(span.style.apply(span.text, color));
            left -= span.text.length();
        }
        return out.toString();
    }

    /** Cut into pieces of at most {@code width} characters, keeping every space (code keeps its indentation). */
    public List<String> chop(int width, boolean color) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        int room = Math.max(1, width);
        for (Span span : spans) {
            String text = span.text;
            while (!text.isEmpty()) {
                if (used == room) {
                    lines.add(line.toString());
                    line = new StringBuilder();
                    used = 0;
                }
                int take = Math.min(text.length(), room - used);
                line.append(span.style.apply(text.substring(0, take), color));
                used += take;
                text = text.substring(take);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Word-wrapped lines; hard newlines in the text start a new line. */
    public List<String> wrap(int width, String firstIndent, String restIndent, boolean color) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(firstIndent);
        int used = firstIndent.length();
        boolean lineHasWord = false;
        for (Span span : spans) {
            String[] pieces = span.text.split("((?<=\\s)|(?=\\s))");
            for (String piece : pieces) {
                if (piece.equals("\n")) {
                    lines.add(line.toString());
                    line = new StringBuilder(restIndent);
                    used = restIndent.length();
                    lineHasWord = false;
                    continue;
                }
                if (piece.isBlank()) {
                    if (lineHasWord && used < width) {
                        line.append(' '); // unstyled, so a trailing one can be dropped at the wrap
                        used++;
                    }
                    continue;
                }
                String word = piece;
                if (used + word.length() > width && lineHasWord) {
                    stripTrailingSpace(line);
                    lines.add(line.toString());
                    line = new StringBuilder(restIndent);
                    used = restIndent.length();
                }
                // A word longer than the whole line (a URL, a CEL expression) is cut into pieces.
                while (used + word.length() > width && width - used > 8) {
                    int room = width - used;
                    line.append(span.style.apply(word.substring(0, room), color));
                    lines.add(line.toString());
                    word = word.substring(room);
                    line = new StringBuilder(restIndent);
                    used = restIndent.length();
                }
                line.append(span.style.apply(word, color));
                used += word.length();
                lineHasWord = true;
            }
        }
        stripTrailingSpace(line);
        if (lineHasWord || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void stripTrailingSpace(StringBuilder line) {
        while (line.length() > 0 && line.charAt(line.length() - 1) == ' ') {
            line.setLength(line.length() - 1);
        }
    }
}
