package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The outcome of parsing one file: the lesson if it could be built, and every problem found. */
public record ParsedLesson(Path file, Optional<Lesson> lesson, List<Problem> problems) {

    public ParsedLesson {
        problems = List.copyOf(problems);
    }
}
