package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelessons.lesson.Step;
import dev.kubelessons.markdown.CourseLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A step is called done only when every one of its checks passed: a skipped check proves nothing. */
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
}
