package dev.kubelessons.runner;

import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;

/** What the learner is told when a step's or a lesson's last check passes: as much as was proven, and no more. */
final class Completions {

    /** The terminal's key for the next step; the live page has no such key, and says it in its own words. */
    private static final String NEXT_KEY = " Press n (Enter) for the next step.";
    private static final String NEXT_ON_PAGE = " Go on to the next step.";
    private static final String QUIT_KEY = ". q to quit.";

    private Completions() {
    }

    /**
     * {@code note} in the live page's words: the terminal's key presses ("Press n (Enter)", "q to quit") are for the
     * terminal the tutor runs in, and a browser has no such keys. These notes come from the cluster (a step's checks
     * pass while the learner works anywhere); notes that answer a key pressed in the terminal keep their words.
     */
    static String forPage(String note) {
        if (note.endsWith(NEXT_KEY)) {
            return note.substring(0, note.length() - NEXT_KEY.length()) + NEXT_ON_PAGE;
        }
        return note.endsWith(QUIT_KEY) ? note.substring(0, note.length() - QUIT_KEY.length() + 1) : note;
    }

    /**
     * A step whose checks all passed, or were skipped here ({@code skipped}, each with its reason on screen): a skipped
     * check proves nothing, so the step is not called done then, though the learner may go on.
     */
    static String step(Step step, int skipped) {
        if (skipped > 0) {
            return "Step " + step.number() + ": every check that can run here passes; " + skipped + " "
                    + (skipped == 1 ? "was" : "were") + " skipped (the reason is under each)." + NEXT_KEY;
        }
        return "Step " + step.number() + " done!" + NEXT_KEY;
    }

    static String message(Lesson lesson, ProgressStore.Completion completion, String cluster) {
        String who = completion.byRunner() ? " (the runner fast-forwarded a step: recorded as solved by the runner, not by you)" : "";
        if (completion.unprovenChecks() > 0) {
            return "Lesson done on " + cluster + ": every check that can run here passes; "
                    + Counted.of(completion.unprovenChecks(), "check") + " need" + (completion.unprovenChecks() == 1 ? "s" : "")
                    + " a data plane and " + (completion.unprovenChecks() == 1 ? "was" : "were")
                    + " skipped. Run it on kind to prove them: " + lesson.runCommand() + " --cluster kind" + who;
        }
        return "Lesson complete: every check passes" + who + QUIT_KEY;
    }
}
