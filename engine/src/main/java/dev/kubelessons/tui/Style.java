package dev.kubelessons.tui;

/** A text style as ANSI SGR parameters; {@link #PLAIN} has none. Meaning never rests on a style alone. */
public enum Style {
    PLAIN(""),
    BOLD("1"),
    DIM("2"),
    ITALIC("3"),
    UNDERLINE("4"),
    HEADING("1;36"),
    CODE("33"),
    KEY("36"),
    STRING("32"),
    NUMBER("35"),
    COMMENT("2;3"),
    COMMAND("1;32"),
    FLAG("33"),
    LINK("4;34"),
    PASS("1;32"),
    FAIL("1;31"),
    SKIP("1;33"),
    ERROR("1;35"),
    BANNER("1;97;41"),
    HEADER("1;30;46"),
    GREY("2;37");

    private final String sgr;

    Style(String sgr) {
        this.sgr = sgr;
    }

    /** {@code text} wrapped in this style's escape codes, or as it is without colour. */
    public String apply(String text, boolean color) {
        return !color || sgr.isEmpty() || text.isEmpty() ? text : "\u001b[" + sgr + "m" + text + "\u001b[0m";
    }
}
