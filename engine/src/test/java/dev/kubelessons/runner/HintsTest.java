package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.markdown.CourseLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Progressive hints and the setup told in words, on lesson 03's first step, without a cluster. */
class HintsTest {

    private static final Lesson LESSON = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course()
            .lesson("03-clusterip").orElseThrow();

    /** What the loop showed, in order: "reveal: <title>" and "note: <text>". */
    private static class Recorder implements LessonView {
        final List<String> shown = new ArrayList<>();
        public void introduction(Header header, Map<String, String> missing) { }
        public void step(Header header, Step step, List<Verdict> verdicts) { }
        public void verdict(Verdict verdict) { }
        public void reveal(String title, String markdown) { shown.add("reveal: " + title); }
        public void note(String text) { shown.add("note: " + text); }
        public void outage(Optional<String> banner) { }
        public Optional<String> nextKey() { return Optional.empty(); }
        public void close() { }
    }

    @Test
    void eachHRevealsTheNextLevelThenPointsToTheSolution() {
        Step step = LESSON.steps().get(0);
        List<Verdict> verdicts = step.checks().stream()
                .map(c -> c.needsDataPlane() ? Verdict.skipped(c, "no data plane") : Verdict.fail(c, "missing", "exists", "no Service"))
                .toList();
        Recorder view = new Recorder();
        Hints hints = new Hints();
        hints.next(step, verdicts, view);
        long failing = verdicts.stream().filter(v -> v.status() == dev.kubelessons.check.Status.FAIL).count();
        assertEquals(failing, view.shown.size(), "level 1: one hint per failing check, nothing else: " + view.shown);
        assertTrue(view.shown.get(0).startsWith("reveal: Hint: The Service my-nginx exists"), view.shown.toString());

        view.shown.clear();
        hints.next(step, verdicts, view);
        assertEquals(List.of("reveal: Hint for step 1"), view.shown, "level 2: the step's hint blocks");

        view.shown.clear();
        hints.next(step, verdicts, view);
        hints.next(step, verdicts, view);
        assertEquals(List.of("note: No more hints for this step: press s for the solution.",
                "note: No more hints for this step: press s for the solution."), view.shown);

        hints.forget();
        view.shown.clear();
        hints.next(step, verdicts, view);
        assertTrue(view.shown.get(0).startsWith("reveal: Hint: "), "a new step starts at level 1 again: " + view.shown);
    }

    @Test
    void whenEveryCheckPassesHSaysSoAndNamesTheSkippedOnesWithoutFailureExplanations() {
        Step step = LESSON.steps().get(0);
        List<Verdict> verdicts = step.checks().stream()
                .map(c -> c.needsDataPlane() ? Verdict.skipped(c, "the kwok cluster has no data plane") : Verdict.pass(c, "ok", "passes"))
                .toList();
        List<String[]> revealed = new ArrayList<>();
        Recorder view = new Recorder() {
            @Override
            public void reveal(String title, String markdown) {
                revealed.add(new String[] {title, markdown});
            }
        };
        new Hints().next(step, verdicts, view);
        assertEquals(1, revealed.size(), "one block, not a failure explanation per check");
        assertEquals("Hint: step 1 has nothing to fix", revealed.get(0)[0]);
        String text = revealed.get(0)[1];
        assertTrue(text.startsWith("Every check of this step that can run here passes."), text);
        assertTrue(text.contains("An HTTP GET on the Service reaches nginx: the kwok cluster has no data plane"), text);
        step.checks().forEach(c -> assertTrue(!text.contains(c.info().explain().strip()), "no failure explanation: " + text));
    }

    @Test
    void setupIsToldInWords() {
        var setup = LESSON.steps().get(0).blocks(BlockRole.SETUP).get(0);
        assertEquals(List.of("The runner created Deployment my-nginx: 1 replica of nginx:1.27."), SetupSummary.describe(setup));
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertEquals("1 ready endpoint", Counted.of(1, "ready endpoint"));
        assertEquals("0 ready endpoints", Counted.of(0, "ready endpoint"));
        assertEquals("2 ready endpoints", Counted.of(2, "ready endpoint"));
    }
}
