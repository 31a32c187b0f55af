package dev.kubelessons.runner;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Prose;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.lesson.StepPart;

/**
 * A step as terminal text: the prose and the manifests to apply, the checks as a list; hints
 * and solutions stay hidden until asked for. Markdown is shown as written, which reads well in a terminal.
 */
final class StepView {

    private final Terminal terminal;

    StepView(Terminal terminal) {
        this.terminal = terminal;
    }

    void show(Lesson lesson, Step step, String namespace) {
        terminal.println("");
        terminal.println(terminal.bold("Step " + step.number() + "/" + lesson.steps().size() + ": " + step.title()));
        for (StepPart part : step.parts()) {
            if (part instanceof Prose prose) {
                terminal.println(prose.markdown());
            } else if (part instanceof Block block && block.role() == BlockRole.APPLY) {
                terminal.println(terminal.dim("Apply this (kubectl apply -n " + namespace + " -f -):"));
                terminal.println(indent(block.content()));
            }
        }
        terminal.println("");
        terminal.println("Checks:");
    }

    void hints(Step step) {
        step.blocks(BlockRole.HINT).forEach(b -> terminal.println(terminal.bold("Hint: ") + b.content().strip()));
        step.checks().stream().filter(c -> !c.info().hint().isBlank())
                .forEach(c -> terminal.println(terminal.bold("Hint (" + c.info().title() + "): ") + c.info().hint().strip()));
    }

    void solution(Step step) {
        if (step.blocks(BlockRole.SOLUTION).isEmpty()) {
            terminal.println("This step has no solution of its own: apply the manifest above.");
        }
        for (Block block : step.blocks(BlockRole.SOLUTION)) {
            terminal.println(terminal.bold("Solution (" + (block.isYaml() ? "manifest" : "commands") + "):"));
            terminal.println(indent(block.content()));
        }
    }

    private static String indent(String text) {
        return "    " + text.stripTrailing().replace("\n", "\n    ");
    }
}
