package dev.kubelessons.cli;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lint.Linter;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.markdown.NearestWord;
import java.util.List;
import java.util.stream.Collectors;

/** Finds lessons by id for the commands that run them, refusing unknown ids and lessons that fail lint (parser and rules). */
final class LessonLookup {

    private final CourseLoader.Loaded loaded;

    LessonLookup(ProjectLayout layout) {
        this.loaded = layout.loader().load(layout.lessons());
    }

    List<Lesson> all() {
        requireClean(new Linter().lint(loaded));
        return loaded.course().lessons();
    }

    Lesson lesson(String id) {
        var parsed = loaded.files().stream().filter(f -> f.lesson().map(l -> l.id().equals(id)).orElse(false)).findFirst();
        if (parsed.isEmpty()) {
            List<String> ids = loaded.allLessons().stream().map(Lesson::id).toList();
            throw new UserInputException("no lesson '" + id + "'" + NearestWord.suggestion(ids, id),
                    "'" + Launcher.command("list") + "' shows the lessons: " + String.join(", ", ids));
        }
        // Parser problems and lint rules alike (invalid CEL, a manifest off the schema): a lesson
        // that fails lint would fail in the cluster in a less readable way.
        List<Problem> problems = new java.util.ArrayList<>(loaded.problems().stream()
                .filter(p -> p.position().file().equals(parsed.get().file())).toList());
        // Lint's rules once per version of the lesson: LintedLessons keeps the clean verdicts of this engine build.
        problems.addAll(LintedLessons.forUser().lint(parsed.get().lesson().orElseThrow(), lesson -> new Linter().lint(lesson)));
        requireClean(problems);
        return parsed.get().lesson().orElseThrow();
    }

    private static void requireClean(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new UserInputException("the lessons have " + problems.size() + " problem(s):" + System.lineSeparator()
                    + problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())),
                    "fix them (run '" + Launcher.command("lint") + "' to see them all), then run this again");
        }
    }
}
