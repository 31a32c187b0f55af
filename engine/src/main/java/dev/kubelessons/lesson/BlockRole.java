package dev.kubelessons.lesson;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a fenced block in a lesson is for, named by the second word of its info string
 * (```` ```yaml apply ````). A fence with only a language is plain example text.
 */
public enum BlockRole {
    /** A manifest the learner applies themselves. */
    APPLY("apply"),
    /** State the runner applies into the lesson namespace before the step starts. */
    SETUP("setup"),
    /** The reference solution: manifests or kubectl commands; --solve runs these. */
    SOLUTION("solution"),
    /** A machine-checkable expectation, in YAML. */
    CHECK("check"),
    /** A nudge in Markdown, folded on the site and shown on request in the terminal. */
    HINT("hint"),
    /** An incident of a drill, in YAML: how the runner breaks the healthy system and how service is restored. */
    FAULT("fault"),
    /** A picture, in PlantUML, drawn into the prose where it stands (site: SVG; terminal: its description). */
    DIAGRAM("diagram"),
    /** Any other code block: shown, never run. */
    EXAMPLE("");

    private final String word;

    BlockRole(String word) {
        this.word = word;
    }

    public String word() { return word; }

    public static Optional<BlockRole> byWord(String word) {
        return Arrays.stream(values()).filter(r -> !r.word.isEmpty() && r.word.equals(word)).findFirst();
    }

    public static String knownWords() {
        return "apply, setup, solution, check, hint, fault, diagram";
    }
}
