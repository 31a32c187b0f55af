package dev.kubelessons.runner;

import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;

/** What the learner is told when a step's or a lesson's last check passes: as much as was proven, and no more. */
final class Completions {

    private Completions() {
    }

    /**
     * A step whose checks all passed, or were skipped here ({@code skipped}, each with its reason on screen): a skipped
     * check proves nothing, so the step is not called done then, though the learner may go on.
     */
    static String step(Step step, int skipped) {
        if (skipped > 0) {
            return "Step " + step.number() + ": every check that can run here passes; " + skipped + " "
                    + (skipped == 1 ? "was" : "were") + " skipped (the reason is under each). Press n (Enter) for the next step.";
        }
        return "Step " + step.number() + " done! Press n (Enter) for the next step.";
    }

    static String message(Lesson lesson, ProgressStore.Completion completion, String cluster) {
        String who = completion.byRunner() ? " (the runner fast-forwarded a step: recorded as solved by the runner, not by you)" : "";
        if (completion.unprovenChecks() > 0) {
            return "Lesson done on " + cluster + ": every check that can run here passes; "
                    + Counted.of(completion.unprovenChecks(), "check") + " need" + (completion.unprovenChecks() == 1 ? "s" : "")
                    + " a data plane and " + (completion.unprovenChecks() == 1 ? "was" : "were")
                    + " skipped. Run it on kind to prove them: " + lesson.runCommand() + " --cluster kind" + who;
        }
        return "Lesson complete: every check passes" + who + ". q to quit.";
    }
}
