package dev.kubelessons.lesson;

/**
 * A diagram drawn in a lesson: a {@code ```plantuml diagram} fence. {@code title} and {@code description}
 * come from its header comments (the description is what screen readers and the terminal tutor get instead
 * of the picture); {@code source} is the PlantUML text after the header; {@code position} is the opening
 * fence and {@code sourceLine} the file line of the first line of {@code source}.
 */
public record Diagram(String title, String description, String source, SourcePosition position, int sourceLine) {
}
