package dev.kubelessons.runner;

import dev.kubelessons.lesson.Lesson;

/** What the learner is told when a lesson's last check passes: as much as was proven, and no more. */
final class Completions {

    private Completions() {
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
