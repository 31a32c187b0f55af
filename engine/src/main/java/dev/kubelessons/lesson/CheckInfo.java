package dev.kubelessons.lesson;

/** What every check carries: a stable id, a title, a hint, an explanation shown on failure, and where it was written. */
public record CheckInfo(String id, String title, String hint, String explain, SourcePosition position) {
}
