package dev.kubelessons.lint;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import dev.kubelessons.runner.SolutionCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * Shell solutions are kubectl commands only: --solve runs them without a shell, with the
 * lesson's namespace and context added, so anything else could not run safely.
 */
final class SolutionCommandRule implements LessonRule {

    @Override
    public List<Problem> check(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        List<Block> blocks = new ArrayList<>(lesson.blocks(BlockRole.SOLUTION));
        blocks.addAll(lesson.faultActions());
        for (Block block : blocks) {
            if (block.isNodeScript()) {
                continue; // a shell script for a kind node (```sh solution node=worker), run with sh -c there
            }
            if (!block.isShell()) {
                if (!block.isYaml()) {
                    problems.add(new Problem(block.position(), "a solution block must be 'yaml' (manifests) or 'sh' (kubectl commands), not '" + block.language() + "'",
                            "open it with '```yaml solution' or '```sh solution'"));
                }
                continue;
            }
            String[] lines = block.content().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int line = block.contentLine() + i;
                SolutionCommands.problem(lines[i]).ifPresent(message -> problems.add(new Problem(
                        SourcePosition.of(lesson.source(), line, 1), message,
                        "write one kubectl command per line, without pipes, redirects or -n/--namespace (the runner adds them)")));
            }
        }
        return problems;
    }
}
