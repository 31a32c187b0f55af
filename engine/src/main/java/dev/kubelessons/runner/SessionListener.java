package dev.kubelessons.runner;

import dev.kubelessons.check.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * A second view of one {@link InteractiveLoop} that shows the whole lesson at once (the live web page), where a
 * {@link LessonView} shows the current step: it hears every change of any check, the cluster's outages and which step
 * the tutor is on. Called from the loop's threads; implementations must not block.
 */
public interface SessionListener {

    /** The latest verdict of every check known so far, in lesson order, after any of them changed status or message. */
    void verdicts(List<Verdict> all);

    /** Present while the cluster does not answer: the banner; empty once it answers again. */
    void outage(Optional<String> banner);

    /** The step the tutor now shows (1-based), or 0 for the introduction. */
    void currentStep(int number);

    /** A one-line message the terminal shows too (an action under way, its result, a step done), without its key presses. */
    void note(String text);

    /** An object of the lesson namespace changed: the namespace map ({@link InteractiveLoop#namespaceMap()}) is out of date. */
    default void mapChanged() {
    }
}
