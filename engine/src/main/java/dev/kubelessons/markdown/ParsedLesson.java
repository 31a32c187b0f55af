package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing one file: the lesson if its front matter allowed building one (even
 * when other parts have problems, so lint can check the rest too), and every problem found.
 */
public record ParsedLesson(Path file, Optional<Lesson> lesson, List<Problem> problems) {

    public ParsedLesson {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
