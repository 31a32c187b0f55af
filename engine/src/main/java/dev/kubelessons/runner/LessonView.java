package dev.kubelessons.runner;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One way of showing a runner session (a full-screen terminal, plain lines, a web page): the
 * {@link InteractiveLoop} decides what happens and tells the view; the view only shows it and
 * reads the learner's keys. Calls come from several threads; implementations serialise them.
 */
public interface LessonView extends AutoCloseable {

    /**
     * What every screen's header names. {@code kubectlSetup}: what the learner's shell needs before kubectl reaches
     * this cluster ({@link KubectlSetup}), empty when it is their default.
     */
    record Header(Lesson lesson, String cluster, String namespace, boolean namespaceCreated, String kubectlSetup) {
        public Header(Lesson lesson, String cluster, String namespace, boolean namespaceCreated) {
            this(lesson, cluster, namespace, namespaceCreated, "");
        }
    }

    /** A lesson's first screen; {@code missingPrerequisites} are ids the learner has not done, each with why. */
    void introduction(Header header, Map<String, String> missingPrerequisites);

    /** {@code step} is now current; {@code verdicts} are what is known of its checks (some may still be missing). */
    void step(Header header, Step step, List<Verdict> verdicts);

    /** A check of the current step has a new status or message. */
    void verdict(Verdict verdict);

    /** More text for the current step, asked for (a hint level, the solution): Markdown. */
    void reveal(String title, String markdown);

    /**
     * The info string of a fence around generated text whose lines and indentation matter but which is words, such as
     * the namespace map: a terminal wraps its lines at spaces, not mid-word as it does code. Other readers see text.
     */
    String PROSE_FENCE = "text wrap";

    /** A one-line message: a step done, an action under way, an error with its next step. */
    void note(String text);

    /** Present while the cluster does not answer: the banner to show; empty once it answers again. */
    void outage(Optional<String> banner);

    /** Whether the introduction stays until a key (a screen), or the first step follows it at once (plain lines). */
    default boolean introductionWaitsForKey() {
        return true;
    }

    /** The next command key ("h", "q", "" for Enter), waiting for it; empty when input has ended. */
    Optional<String> nextKey();

    @Override
    void close();
}
