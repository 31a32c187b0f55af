package dev.kubelessons.site;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order of previous/next links: the top-down path first (most readers arrive as
 * application developers), then every lesson not on it, by id.
 */
final class ReadingOrder {

    private final List<Lesson> order;

    ReadingOrder(Course course) {
        Set<Lesson> ordered = new LinkedHashSet<>(course.path(LearningPath.TOP_DOWN));
        ordered.addAll(course.lessons());
        this.order = new ArrayList<>(ordered);
    }

    Optional<Lesson> previous(Lesson lesson) {
        int at = order.indexOf(lesson);
        return at > 0 ? Optional.of(order.get(at - 1)) : Optional.empty();
    }

    Optional<Lesson> next(Lesson lesson) {
        int at = order.indexOf(lesson);
        return at >= 0 && at + 1 < order.size() ? Optional.of(order.get(at + 1)) : Optional.empty();
    }

    List<Lesson> lessons() {
        return List.copyOf(order);
    }
}
