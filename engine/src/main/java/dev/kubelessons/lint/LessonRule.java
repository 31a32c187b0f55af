package dev.kubelessons.lint;

import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.util.List;

/** One lint rule over a parsed lesson. */
public interface LessonRule {
    List<Problem> check(Lesson lesson);
}
