package dev.kubelessons.lesson;

/**
 * One mistake in a lesson, with where it is and how to fix it. Lint prints these as
 * {@code file:line:col: message} followed by the fix; the parser collects them instead
 * of throwing so that an author sees every problem in one run.
 */
public record Problem(SourcePosition position, String message, String fix) {

    public String format() {
        return position + ": " + message + (fix == null || fix.isBlank() ? "" : "\n    fix: " + fix);
    }

    /** The same problem with its file shown relative to {@code dir} (shorter, clickable in terminals). */
    public Problem relativeTo(java.nio.file.Path dir) {
        java.nio.file.Path file = position.file();
        if (file.isAbsolute() && file.startsWith(dir)) {
            return new Problem(SourcePosition.of(dir.relativize(file), position.line(), position.column()), message, fix);
        }
        return this;
    }

    @Override
    public String toString() {
        return format();
    }
}
