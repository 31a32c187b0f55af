package dev.kubelessons.cli;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lint.Linter;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.markdown.NearestWord;
import dev.kubelessons.markdown.ParsedLesson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds lessons by id for the commands that run them, refusing unknown ids and lessons that fail lint (parser and rules). */
final class LessonLookup {

    private final ProjectLayout layout;
    private final CleanCourses cleanCourses;
    private CourseLoader.Loaded loaded;

    LessonLookup(ProjectLayout layout) {
        this(layout, CleanCourses.forUser());
    }

    LessonLookup(ProjectLayout layout, CleanCourses cleanCourses) {
        this.layout = layout;
        this.cleanCourses = cleanCourses;
    }

    List<Lesson> all() {
        requireClean(new Linter().lint(loaded()));
        return loaded().course().lessons();
    }

    Lesson lesson(String id) {
        // A course that loaded clean before, unchanged since: this lesson's file alone gives what the whole load would.
        Optional<Lesson> alone = cleanCourses.fileOf(CourseKey.of(layout), id).flatMap(file -> parsedAlone(file, id));
        if (alone.isPresent()) {
            return linted(alone.get(), List.of());
        }
        var parsed = loaded().files().stream().filter(f -> f.lesson().map(l -> l.id().equals(id)).orElse(false)).findFirst();
        if (parsed.isEmpty()) {
            List<String> ids = loaded().allLessons().stream().map(Lesson::id).toList();
            throw new UserInputException("no lesson '" + id + "'" + NearestWord.suggestion(ids, id),
                    "'" + Launcher.command("list") + "' shows the lessons: " + String.join(", ", ids));
        }
        // Parser problems and lint rules alike (invalid CEL, a manifest off the schema): a lesson
        // that fails lint would fail in the cluster in a less readable way.
        List<Problem> problems = loaded().problems().stream().filter(p -> p.position().file().equals(parsed.get().file())).toList();
        return linted(parsed.get().lesson().orElseThrow(), problems);
    }

    /** {@code lesson}, unless it or lint's rules have problems: lint's rules once per version of the lesson ({@link LintedLessons}). */
    private Lesson linted(Lesson lesson, List<Problem> parserProblems) {
        List<Problem> problems = new ArrayList<>(parserProblems);
        problems.addAll(LintedLessons.forUser(layout).lint(lesson, l -> new Linter().lint(l)));
        requireClean(problems);
        return lesson;
    }

    private Optional<Lesson> parsedAlone(Path file, String id) {
        ParsedLesson parsed = layout.loader().parse(file);
        return parsed.clean() ? parsed.lesson().filter(lesson -> lesson.id().equals(id)) : Optional.empty();
    }

    /** The whole course, loaded once; a course without problems is remembered with its files ({@link CleanCourses}). */
    private CourseLoader.Loaded loaded() {
        if (loaded == null) {
            CourseKey course = CourseKey.of(layout);
            Optional<String> key = cleanCourses.key(course);
            loaded = layout.loader().load(layout.lessons());
            if (loaded.clean()) {
                Map<String, String> files = new LinkedHashMap<>();
                loaded.files().forEach(f -> f.lesson().ifPresent(l -> files.put(l.id(), f.file().getFileName().toString())));
                cleanCourses.remember(course, key, files);
            }
        }
        return loaded;
    }

    private static void requireClean(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new UserInputException("the lessons have " + problems.size() + " problem(s):" + System.lineSeparator()
                    + problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())),
                    "fix them (run '" + Launcher.command("lint") + "' to see them all), then run this again");
        }
    }
}
