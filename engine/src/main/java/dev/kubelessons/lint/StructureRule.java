package dev.kubelessons.lint;

import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import dev.kubelessons.lesson.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson has steps, every step has a check and a way to make it pass, the lesson has a solution. (Unique check
 * ids are the parser's, markdown.CheckIds: the site, which runs none of lint's rules, must refuse duplicates too.)
 */
final class StructureRule implements LessonRule {

    @Override
    public List<Problem> check(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        SourcePosition top = SourcePosition.of(lesson.source(), 1, 1);
        if (lesson.steps().isEmpty()) {
            problems.add(new Problem(top, "the lesson has no steps", "add a '## Step title' section with its text and a '```yaml check' block"));
        }
        if (lesson.steps().size() > 8) {
            problems.add(new Problem(lesson.steps().get(8).position(), "the lesson has " + lesson.steps().size() + " steps",
                    "split it into two lessons; 2 to 6 steps keep a lesson under half an hour"));
        }
        // A drill's checks pass on its healthy setup; each fault's 'restore' is its solution (DrillRule).
        if (!lesson.isDrill() && lesson.blocks(BlockRole.SOLUTION).isEmpty() && !lesson.steps().isEmpty()) {
            problems.add(new Problem(top, "the lesson has no reference solution",
                    "add a '```yaml solution' or '```sh solution' block to the steps whose checks the learner must make pass"));
        }
        for (Step step : lesson.steps()) {
            if (step.blocks(BlockRole.CHECK).isEmpty()) {
                problems.add(new Problem(step.position(), "step '" + step.title() + "' has no check",
                        "add a '```yaml check' block that says when the step is done"));
            } else if (!lesson.isDrill() && step.blocks(BlockRole.SOLUTION).isEmpty() && step.blocks(BlockRole.APPLY).isEmpty()) {
                problems.add(new Problem(step.position(), "step '" + step.title() + "' has checks but no solution",
                        "add a '```yaml solution' or '```sh solution' block (or an '```yaml apply' block) that makes them pass"));
            }
        }
        return problems;
    }
}
