package dev.kubelessons.tui;

import java.util.regex.Pattern;

/** Measures and strips ANSI escape codes: widths on screen count what is visible. */
public final class Ansi {

    private static final Pattern ESCAPE = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");

    private Ansi() {
    }

    public static String strip(String text) {
        return ESCAPE.matcher(text).replaceAll("");
    }

    public static int width(String text) {
        return strip(text).length();
    }
}
