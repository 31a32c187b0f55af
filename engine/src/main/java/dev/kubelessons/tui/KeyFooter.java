package dev.kubelessons.tui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The key footer fitted to one line: every entry when they fit; otherwise the least needed go first, while
 * {@code ? keys} (which lists them all) and {@code q quit} always stay, so a narrow terminal never hides how to leave.
 */
final class KeyFooter {

    /** One key and what it does; a lower rank stays longer. */
    record Entry(String text, int rank) {
    }

    static final Entry HELP = new Entry("? keys", 0);
    static final Entry QUIT = new Entry("q quit", 0);

    private final List<Entry> entries;

    /** {@code entries} in the order they are shown; {@code q quit} is added at the end. */
    KeyFooter(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    String fit(int width) {
        List<Entry> shown = new ArrayList<>(entries);
        shown.add(QUIT);
        if (line(shown).length() <= width) {
            return line(shown);
        }
        shown.add(shown.size() - 1, HELP);
        List<Entry> byNeed = new ArrayList<>(entries);
        byNeed.sort(Comparator.comparingInt(Entry::rank).reversed());
        for (Entry least : byNeed) {
            if (line(shown).length() <= width) {
                break;
            }
            shown.remove(least);
        }
        return line(shown);
    }

    private static String line(List<Entry> shown) {
        return " " + String.join(" · ", shown.stream().map(Entry::text).toList());
    }
}
