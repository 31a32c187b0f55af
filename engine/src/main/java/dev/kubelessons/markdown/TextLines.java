package dev.kubelessons.markdown;

import java.util.Arrays;

/**
 * A text's lines by their offsets, as {@code text.split("\n", -1)} would give them, without a String per line: a run
 * of lines is one substring of the text. The parser took lines apart and joined them again for the body and for every
 * prose part, copying each lesson three times over.
 */
final class TextLines {

    private final String text;
    private final int[] starts;
    private final int count;

    TextLines(String text) {
        this.text = text;
        int[] found = new int[64];
        int n = 1;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            if (n == found.length) {
                found = Arrays.copyOf(found, n * 2);
            }
            found[n++] = at + 1;
        }
        this.starts = found;
        this.count = n;
    }

    int count() {
        return count;
    }

    String line(int index) {
        return text.substring(starts[index], end(index));
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive) joined by '\n', as String.join of those lines; "" if none. */
    String join(int from, int to) {
        return from >= to ? "" : text.substring(starts[from], end(to - 1));
    }

    private int end(int index) {
        return index + 1 < count ? starts[index + 1] - 1 : text.length();
    }
}
