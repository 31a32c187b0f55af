package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelessons.check.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kubelessons.lesson.Step;
import dev.kubelessons.markdown.CourseLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A step is called done only when every one of its checks passed: a skipped check proves nothing. The live page hears
 * the same notes without the terminal's keys ("Press n (Enter)" read verbatim in a browser, which has no such key).
 */
class CompletionsTest {

    private final Step first = new CourseLoader().parse(Path.of("..", "lessons", "03-clusterip.md")).lesson().orElseThrow().steps().get(0);

    @Test
    void aStepIsDoneOnlyWhenNoneOfItsChecksWasSkipped() {
        assertEquals("Step 1 done! Press n (Enter) for the next step.", Completions.step(first, 0));
        assertEquals("Step 1: every check that can run here passes; 1 was skipped (the reason is under each). "
                + "Press n (Enter) for the next step.", Completions.step(first, 1));
        assertEquals("Step 1: every check that can run here passes; 2 were skipped (the reason is under each). "
                + "Press n (Enter) for the next step.", Completions.step(first, 2));
    }

    @Test
    void theLivePageHearsTheNotesWithoutTheTerminalsKeys() {
        List<String> terminal = new ArrayList<>();
        List<String> page = new ArrayList<>();
        ListenedView view = new ListenedView(new NoteRecorder(terminal), List.of(new SessionListener() {
            public void verdicts(List<Verdict> all) { }
            public void outage(Optional<String> banner) { }
            public void currentStep(int number) { }
            public void note(String text) { page.add(text); }
        }));
        view.note(Completions.step(first, 0));
        view.note(Completions.step(first, 1));
        view.note("Lesson complete: every check passes. q to quit.");
        view.note("Checking\u2026");
        assertEquals(List.of("Step 1 done! Press n (Enter) for the next step.",
                "Step 1: every check that can run here passes; 1 was skipped (the reason is under each). Press n (Enter) for the next step.",
                "Lesson complete: every check passes. q to quit.", "Checking\u2026"), terminal, "the terminal keeps its words");
        assertEquals(List.of("Step 1 done! Go on to the next step.",
                "Step 1: every check that can run here passes; 1 was skipped (the reason is under each). Go on to the next step.",
                "Lesson complete: every check passes.", "Checking\u2026"), page);
    }

    /** A terminal view that keeps its notes. */
    private record NoteRecorder(List<String> notes) implements LessonView {
        public void introduction(Header header, Map<String, String> missing) { }
        public void step(Header header, dev.kubelessons.lesson.Step step, List<Verdict> verdicts) { }
        public void verdict(Verdict verdict) { }
        public void reveal(String title, String markdown) { }
        public void note(String text) { notes.add(text); }
        public void outage(Optional<String> banner) { }
        public Optional<String> nextKey() { return Optional.empty(); }
        public void close() { }
    }
}
