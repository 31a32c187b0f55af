package dev.kubelessons.lesson;

/** Markdown text between the special blocks of a step, rendered as it is. */
public record Prose(String markdown) implements StepPart {
}
