package dev.kubelessons.cli;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.markdown.CourseLoader;
import java.util.List;

/**
 * What {@code list} shows of a course, the learner's progress aside: per learning path (in the course's order,
 * empty paths left out) its lessons' id, title, minutes and check ids, and how many lesson problems hide
 * lessons. Small enough to keep between runs ({@link ListOutlineCache}), so a warm {@code list} parses no lesson.
 */
record ListOutline(List<PathRows> paths, int problems) {

    /** One lesson's line. */
    record Row(String id, String title, int minutes, List<String> checkIds) {
        Row {
            checkIds = List.copyOf(checkIds);
        }
    }

    /** One learning path's heading and its lessons, in path order. */
    record PathRows(String title, String audience, List<Row> lessons) {
        PathRows {
            lessons = List.copyOf(lessons);
        }
    }

    ListOutline {
        paths = List.copyOf(paths);
    }

    static ListOutline of(CourseLoader.Loaded loaded) {
        Course course = loaded.course();
        List<PathRows> paths = course.paths().stream()
                .map(path -> new PathRows(path.title(), path.audience(), rows(course, path)))
                .filter(path -> !path.lessons().isEmpty())
                .toList();
        return new ListOutline(paths, loaded.problems().size());
    }

    private static List<Row> rows(Course course, LearningPath path) {
        return course.path(path).stream()
                .map(l -> new Row(l.id(), l.title(), l.durationMinutes(), l.checks().stream().map(c -> c.info().id()).toList()))
                .toList();
    }
}
