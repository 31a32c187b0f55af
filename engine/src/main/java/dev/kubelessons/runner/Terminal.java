package dev.kubelessons.runner;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The learner's terminal, line by line. Reading whole lines (no raw mode) works the same in
 * a TTY and a pipe, and cannot leave the terminal in a broken state if the process dies.
 */
public final class Terminal {

    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean color;
    private final ProseLayout prose;

    public Terminal(Reader in, PrintWriter out, boolean color) {
        this(new BufferedReader(in), out, color, null);
    }

    private Terminal(BufferedReader in, PrintWriter out, boolean color, ProseLayout prose) {
        this.in = in;
        this.out = out;
        this.color = color;
        // Without a layout (a pipe, a test): one line each, as the terminal's own wrapping would show it.
        this.prose = prose != null ? prose : (lead, text, indent) -> java.util.List.of(bold(lead) + text);
    }

    /** The same terminal, laying out {@link #prose} with {@code layout} (word-wrapped to a real terminal's width). */
    public Terminal withProse(ProseLayout layout) {
        return new Terminal(in, out, color, layout);
    }

    public static Terminal system(boolean color) {
        return new Terminal(new InputStreamReader(System.in, StandardCharsets.UTF_8),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8), color);
    }

    public boolean color() {
        return color;
    }

    public synchronized void println(String text) {
        out.println(text);
        out.flush();
    }

    /** Prose (never a command): a bold lead, then text wrapped at words where the terminal's width is known. */
    public synchronized void prose(String lead, String text, String indent) {
        prose.lines(lead, text, indent).forEach(out::println);
        out.flush();
    }

    public String bold(String text) {
        return color ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    public String dim(String text) {
        return color ? "\u001b[2m" + text + "\u001b[0m" : text;
    }

    /** The next line typed, or empty at end of input (the pipe closed, Ctrl-D). */
    public Optional<String> readLine() {
        try {
            return Optional.ofNullable(in.readLine()).map(String::strip);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
