package dev.kubelessons.lesson;

/** A piece of a step, in reading order: prose or a fenced block. */
public sealed interface StepPart permits Prose, Block {
}
