package dev.kubelessons.tui;

import dev.kubelessons.runner.ProseLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prose word-wrapped to a real terminal's width (bold lead, hanging indent); nothing for a pipe, whose reader wraps it. */
public final class TerminalProse {

    private TerminalProse() {
    }

    /** The layout for this process's terminal, or empty when standard output is not one. */
    public static Optional<ProseLayout> forThisTerminal(boolean color) {
        return System.console() == null ? Optional.empty() : Optional.of(ofWidth(TerminalWidth.detect(), color));
    }

    static ProseLayout ofWidth(int width, boolean color) {
        return (lead, text, indent) -> {
            // The lead goes in as the first line's indent, so its spaces (labels aligned in columns) are kept as written.
            List<String> lines = new ArrayList<>(new StyledLine().add(text, Style.PLAIN).wrap(width, lead, indent, color));
            if (!lead.isBlank()) {
                lines.set(0, Style.BOLD.apply(lead, color) + lines.get(0).substring(lead.length()));
            }
            return lines;
        };
    }
}
