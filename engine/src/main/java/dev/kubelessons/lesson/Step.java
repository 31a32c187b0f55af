package dev.kubelessons.lesson;

import java.util.List;

/** One level-2 section of a lesson: text, blocks and the checks that say it is done. */
public record Step(int number, String title, String anchor, SourcePosition position, List<StepPart> parts) {

    public Step {
        parts = List.copyOf(parts);
    }

    public List<Block> blocks(BlockRole role) {
        return parts.stream().filter(Block.class::isInstance).map(Block.class::cast).filter(b -> b.role() == role).toList();
    }

    public List<CheckSpec> checks() {
        return blocks(BlockRole.CHECK).stream().flatMap(b -> b.check().stream()).toList();
    }
}
