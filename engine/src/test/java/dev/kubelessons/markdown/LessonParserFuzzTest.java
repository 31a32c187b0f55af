package dev.kubelessons.markdown;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lint.Linter;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the parser and lint with arbitrary bytes: they must turn any input into problems,
 * never throw. Without JAZZER_FUZZ it replays the seeds in the resources folder (a fast
 * regression run); scripts/fuzz runs it as a time-boxed fuzzing campaign in CI.
 */
class LessonParserFuzzTest {

    private final LessonParser parser = new LessonParser();

    @FuzzTest(maxDuration = "60s")
    void parserAndLintNeverThrow(byte[] input) {
        ParsedLesson parsed = parser.parse(Path.of("lessons/01-fuzz.md"), input);
        for (Problem problem : parsed.problems()) {
            if (problem.position().line() < 1 || problem.message().isBlank()) {
                throw new AssertionError("malformed problem: " + problem);
            }
        }
        parsed.lesson().ifPresent(lesson -> new Linter().lint(new CourseLoader.Loaded(
                new dev.kubelessons.lesson.Course(List.of(lesson)), List.of(parsed), List.of())));
    }
}
