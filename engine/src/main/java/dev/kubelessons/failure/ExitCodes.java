package dev.kubelessons.failure;

/** The exit codes of the command-line contract (DESIGN.md), the same for every command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int PREREQUISITE = 3;
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
