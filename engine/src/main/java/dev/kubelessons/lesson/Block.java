package dev.kubelessons.lesson;

import java.util.Optional;

/**
 * A fenced block of a step. {@code check} is present only for {@link BlockRole#CHECK}
 * blocks that parsed, {@code fault} only for {@link BlockRole#FAULT} blocks that parsed; {@code position} is the line of the opening fence.
 * {@code node} names the kind node a {@code sh setup} or {@code sh solution} script runs on ({@code ```sh solution node=worker}).
 */
public record Block(BlockRole role, String language, String content, SourcePosition position, Optional<CheckSpec> check,
        Optional<Fault> fault, Optional<String> node) implements StepPart {

    /** A block that is not a drill's fault. */
    public Block(BlockRole role, String language, String content, SourcePosition position, Optional<CheckSpec> check) {
        this(role, language, content, position, check, Optional.empty(), Optional.empty());
    }

    /** A block run in the cluster (not on a node). */
    public Block(BlockRole role, String language, String content, SourcePosition position, Optional<CheckSpec> check,
            Optional<Fault> fault) {
        this(role, language, content, position, check, fault, Optional.empty());
    }

    /** A shell script run inside a kind node's container ({@code node=...} in its fence), not kubectl commands. */
    public boolean isNodeScript() {
        return node.isPresent();
    }

    public boolean isShell() {
        return language.equals("sh") || language.equals("bash") || language.equals("shell") || language.equals("console");
    }

    public boolean isYaml() {
        return language.equals("yaml") || language.equals("yml");
    }

    /** Line in the lesson file of the first content line (the one after the fence). */
    public int contentLine() {
        return position.line() + 1;
    }
}
