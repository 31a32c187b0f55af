package dev.kubelessons.tui;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The width to lay text out for: the terminal's, else $COLUMNS, else 100 (a pipe or a file has no width). */
public final class TerminalWidth {

    static final int DEFAULT = 100;

    private TerminalWidth() {
    }

    public static int detect() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Math.max(40, Integer.parseInt(columns));
        }
        if (System.console() != null) {
            try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
                if (terminal.getWidth() >= 40) {
                    return terminal.getWidth();
                }
            } catch (java.io.IOException | RuntimeException e) {
                // no usable terminal: the default below
            }
        }
        return DEFAULT;
    }
}
