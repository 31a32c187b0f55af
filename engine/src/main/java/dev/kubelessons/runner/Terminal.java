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

    public Terminal(Reader in, PrintWriter out, boolean color) {
        this.in = new BufferedReader(in);
        this.out = out;
        this.color = color;
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
