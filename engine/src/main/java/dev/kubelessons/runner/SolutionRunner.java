package dev.kubelessons.runner;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fast-forwards a lesson: step by step, applies the manifests the learner was asked to apply,
 * then the reference solution (manifests by server-side apply, kubectl commands as written).
 */
public final class SolutionRunner {

    private final ManifestApplier applier;
    private final Supplier<Kubectl> kubectl;
    private final NodeScripts nodeScripts;

    /** kubectl is located lazily: lessons whose solutions are only manifests do not need it. */
    public SolutionRunner(ManifestApplier applier, Supplier<Kubectl> kubectl) {
        this(applier, kubectl, NodeScripts.none());
    }

    /** With the nodes' shell, for lessons whose solutions include node scripts ({@code ```sh solution node=worker}). */
    public SolutionRunner(ManifestApplier applier, Supplier<Kubectl> kubectl, NodeScripts nodeScripts) {
        this.applier = applier;
        this.kubectl = kubectl;
        this.nodeScripts = nodeScripts;
    }

    public void solve(Lesson lesson, String namespace) {
        for (Step step : lesson.steps()) {
            solve(lesson, step, namespace);
        }
    }

    public void solve(Lesson lesson, Step step, String namespace) {
        for (Block block : step.blocks(BlockRole.APPLY)) {
            applier.apply(block, namespace, lesson.id());
        }
        for (Block block : step.blocks(BlockRole.SOLUTION)) {
            if (block.isNodeScript()) {
                nodeScripts.run(lesson, block, namespace);
            } else {
                perform(block, namespace, lesson.id());
            }
        }
    }

    /**
     * A drill's break or restore: like {@link #perform}, and a cluster-level fault's node script inside its kind node. Such a
     * script runs only on the drill's own cluster; anywhere else (the course's shared cluster, an instructor's board,
     * kwok) it is refused, never skipped in silence, since a fault that was not injected must not start a clock.
     */
    public void performFault(Lesson lesson, Block block, String namespace) {
        if (!block.isNodeScript()) {
            perform(block, namespace, lesson.id());
            return;
        }
        if (!nodeScripts.runsHere(lesson)) {
            throw new dev.kubelessons.failure.PrerequisiteException("the cluster-level fault at " + block.position()
                    + " runs inside kind node '" + block.node().orElseThrow() + "' of the drill's own cluster, which this is not",
                    "run the drill yourself on kind ('jbang lesson " + lesson.id() + " --cluster kind'), where it gets a cluster of its own");
        }
        nodeScripts.run(lesson, block, namespace);
    }

    /** One block: its manifests by server-side apply, or its kubectl commands as written (a solution, a drill's fault). */
    public void perform(Block block, String namespace, String lessonId) {
        if (block.isNodeScript()) {
            return; // node scripts belong to a lesson's steps (solve), where it is known whether they may run here
        }
        if (block.isYaml()) {
            applier.apply(block, namespace, lessonId);
        } else {
            for (List<String> command : SolutionCommands.parse(block.content())) {
                kubectl.get().run(command, namespace, block.position().toString());
            }
        }
    }
}
