package dev.kubelessons.lesson;

import java.nio.file.Path;

/** A place in a lesson file: 1-based line and column, used by every error we report. */
public record SourcePosition(Path file, int line, int column) {
    public static SourcePosition of(Path file, int line, int column) {
        return new SourcePosition(file, Math.max(1, line), Math.max(1, column));
    }

    public SourcePosition atLine(int otherLine) {
        return of(file, otherLine, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
