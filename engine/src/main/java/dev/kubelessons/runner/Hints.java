package dev.kubelessons.runner;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Step;
import java.util.List;

/**
 * Progressive hints for one step: a FAIL shows only its one-line explanation; each {@code h} reveals the
 * next level: the failing checks' explanations and hints, then the step's hint blocks, then the way to the
 * solution. A level with nothing in it is passed over. {@link #forget()} starts again on a new step.
 */
final class Hints {

    private int level;

    synchronized void forget() {
        level = 0;
    }

    synchronized void next(Step step, List<Verdict> verdicts, LessonView view) {
        while (level < 3) {
            level++;
            if (level == 1 && checkHints(step, verdicts, view)) {
                return;
            }
            if (level == 2 && !step.blocks(BlockRole.HINT).isEmpty()) {
                step.blocks(BlockRole.HINT).forEach(b -> view.reveal("Hint for step " + step.number(), b.content()));
                return;
            }
        }
        view.note("No more hints for this step: press s for the solution.");
    }

    synchronized void solution(Step step, LessonView view) {
        List<Block> solutions = step.blocks(BlockRole.SOLUTION);
        if (solutions.isEmpty()) {
            view.reveal("Solution", "This step has no separate solution: apply the manifest shown in the step.");
            return;
        }
        StringBuilder markdown = new StringBuilder();
        for (Block block : solutions) {
            markdown.append(block.isYaml() ? "Apply this manifest in the lesson namespace:\n\n" : "Run:\n\n")
                    .append("```").append(block.language()).append('\n').append(block.content().stripTrailing()).append("\n```\n\n");
        }
        markdown.append("Or press f: the runner applies it for you (the lesson then counts as solved by the runner).");
        view.reveal("Solution of step " + step.number(), markdown.toString());
    }

    /**
     * The checks that do not pass yet: explanation, expected and found, hint. When none is open, says so (and which
     * were skipped, why) instead: a check's explanation describes its failure, which would read as one.
     */
    private static boolean checkHints(Step step, List<Verdict> verdicts, LessonView view) {
        List<CheckSpec> open = step.checks().stream().filter(c -> verdicts.stream()
                .noneMatch(v -> v.id().equals(c.info().id()) && (v.status() == Status.PASS || v.status() == Status.SKIPPED))).toList();
        if (open.isEmpty() && !step.checks().isEmpty()) {
            view.reveal("Hint: step " + step.number() + " has nothing to fix", allPass(step, verdicts));
            return true;
        }
        boolean any = false;
        for (CheckSpec check : open) {
            StringBuilder text = new StringBuilder();
            if (!check.info().explain().isBlank()) {
                text.append(check.info().explain().strip()).append("\n\n");
            }
            verdicts.stream().filter(v -> v.id().equals(check.info().id()) && v.status() == Status.FAIL
                    && !v.expected().isBlank() && !v.expected().equals(v.actual())).findFirst()
                    .ifPresent(v -> text.append("- expected: `").append(v.expected()).append("`\n- found: `").append(v.actual()).append("`\n\n"));
            if (!check.info().hint().isBlank()) {
                text.append("**Hint:** ").append(check.info().hint().strip());
            }
            if (!text.toString().isBlank()) {
                view.reveal("Hint: " + check.info().title(), text.toString());
                any = true;
            }
        }
        return any;
    }

    /** Every check of the step passes or was skipped: say so, with each skipped check and its reason. */
    private static String allPass(Step step, List<Verdict> verdicts) {
        List<Verdict> skipped = verdicts.stream().filter(v -> v.status() == Status.SKIPPED
                && step.checks().stream().anyMatch(c -> c.info().id().equals(v.id()))).toList();
        if (skipped.isEmpty()) {
            return "Every check of this step passes.";
        }
        StringBuilder text = new StringBuilder(skipped.size() == step.checks().size()
                ? "No check of this step can run here; each was skipped:\n\n"
                : "Every check of this step that can run here passes. Skipped here:\n\n");
        skipped.forEach(v -> text.append("- ").append(v.title()).append(": ").append(v.message()).append('\n'));
        return text.toString();
    }
}
