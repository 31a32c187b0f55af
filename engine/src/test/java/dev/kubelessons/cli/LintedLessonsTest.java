package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import dev.kubelessons.markdown.CourseLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint's clean verdict on a lesson is reused only for that very lesson (file, parse and engine build), and problems are never kept. */
class LintedLessonsTest {

    @TempDir
    Path dir;

    private Path file;
    private final AtomicInteger runs = new AtomicInteger();
    private List<Problem> verdict = List.of();
    private final Function<Lesson, List<Problem>> rules = lesson -> {
        runs.incrementAndGet();
        return verdict;
    };

    @BeforeEach
    void copyALesson() throws Exception {
        file = Files.createDirectories(dir.resolve("lessons")).resolve("03-clusterip.md");
        Files.copy(Path.of("..", "lessons", "03-clusterip.md"), file);
    }

    private Lesson parsed() {
        return new CourseLoader().parse(file).lesson().orElseThrow();
    }

    @Test
    void aLessonThatPassedIsNotLintedAgainUntilItsFileOrTheEngineChanges() throws Exception {
        LintedLessons cache = new LintedLessons(dir.resolve("cache"), Optional.of("engine-1"), "named by the lessons");
        assertEquals(List.of(), cache.lint(parsed(), rules));
        assertEquals(List.of(), cache.lint(parsed(), rules));
        assertEquals(1, runs.get(), "the same lesson, parsed again, is known clean");

        Files.writeString(file, Files.readString(file).replace("## ", "##  "));
        cache.lint(parsed(), rules);
        assertEquals(2, runs.get(), "an edited file is linted again");

        new LintedLessons(dir.resolve("cache"), Optional.of("engine-2"), "named by the lessons").lint(parsed(), rules);
        assertEquals(3, runs.get(), "another engine build lints again");

        new LintedLessons(dir.resolve("cache"), Optional.of("engine-2"), "declared [top-down, bottom-up]").lint(parsed(), rules);
        assertEquals(4, runs.get(), "another course file's declared paths (the parser reads the lesson against them) lint again");
    }

    @Test
    void aFileEditedWhileItsLessonIsLintedIsLintedAgainNotRecordedClean() throws Exception {
        LintedLessons cache = new LintedLessons(dir.resolve("cache"), Optional.of("engine-1"), "named by the lessons");
        Lesson clean = parsed();
        // The learner saves a broken edit after lint read the file and before its verdict is kept.
        Files.writeString(file, Files.readString(file).replace("object.spec.type", "object.spec.typo"));
        assertEquals(List.of(), cache.lint(clean, rules));

        verdict = List.of(new Problem(SourcePosition.of(file, 1, 1), "the typo", "fix it"));
        assertEquals(verdict, cache.lint(parsed(), rules), "the clean verdict was of the bytes read, not of the edit");
        assertEquals(2, runs.get());
    }

    @Test
    void problemsAreNeverKeptAndWithoutABuildIdentityNothingIs() {
        verdict = List.of(new Problem(SourcePosition.of(file, 1, 1), "a problem", "fix it"));
        LintedLessons cache = new LintedLessons(dir.resolve("cache"), Optional.of("engine-1"), "named by the lessons");
        assertEquals(verdict, cache.lint(parsed(), rules));
        assertEquals(verdict, cache.lint(parsed(), rules));
        assertEquals(2, runs.get());

        verdict = List.of();
        LintedLessons unknown = new LintedLessons(dir.resolve("other"), Optional.empty(), "named by the lessons");
        unknown.lint(parsed(), rules);
        unknown.lint(parsed(), rules);
        assertEquals(4, runs.get());
        assertEquals(false, Files.exists(dir.resolve("other")));
    }

    @Test
    void lintOfACourseReportsTheSameProblemsWarmAsColdAndRunsTheRulesOnlyForLessonsNotKnownClean() throws Exception {
        Path lessons = dir.resolve("lessons");
        try (var files = Files.list(Path.of("..", "lessons"))) {
            for (Path lesson : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.copy(lesson, lessons.resolve(lesson.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(file, Files.readString(file).replace("object.spec.type", "object.spec.typo"));
        CourseLoader.Loaded loaded = new CourseLoader().load(lessons);
        dev.kubelessons.lint.Linter linter = new dev.kubelessons.lint.Linter();
        List<Problem> expected = linter.lint(loaded);
        assertEquals(false, expected.isEmpty(), "the typo is a lint problem");

        LintedLessons cache = new LintedLessons(dir.resolve("cache"), Optional.of("engine-1"), "named by the lessons");
        Function<Lesson, List<Problem>> counted = lesson -> {
            runs.incrementAndGet();
            return linter.lint(lesson);
        };
        assertEquals(expected, linter.lint(loaded, lesson -> cache.lint(lesson, counted)));
        assertEquals(loaded.allLessons().size(), runs.get());
        assertEquals(expected, linter.lint(new CourseLoader().load(lessons), lesson -> cache.lint(lesson, counted)));
        assertEquals(loaded.allLessons().size() + 1, runs.get(), "warm: only the lesson with a problem ran its rules again");
    }
}
