package dev.kubelessons.site;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order of previous/next links: the top-down path first (most readers arrive as
 * application developers), then every lesson not on it, by id.
 */
final class ReadingOrder {

    private final List<Lesson> order;
    // By id: a lesson's own hash and equals walk its whole text, and indexOf made a build quadratic.
    private final Map<String, Integer> positions = new HashMap<>();

    ReadingOrder(Course course) {
        Map<String, Lesson> ordered = new LinkedHashMap<>();
        course.path(LearningPath.TOP_DOWN).forEach(l -> ordered.putIfAbsent(l.id(), l));
        course.lessons().forEach(l -> ordered.putIfAbsent(l.id(), l));
        this.order = new ArrayList<>(ordered.values());
        for (int i = 0; i < order.size(); i++) {
            positions.put(order.get(i).id(), i);
        }
    }

    Optional<Lesson> previous(Lesson lesson) {
        int at = positions.getOrDefault(lesson.id(), -1);
        return at > 0 ? Optional.of(order.get(at - 1)) : Optional.empty();
    }

    Optional<Lesson> next(Lesson lesson) {
        int at = positions.getOrDefault(lesson.id(), -1);
        return at >= 0 && at + 1 < order.size() ? Optional.of(order.get(at + 1)) : Optional.empty();
    }

    List<Lesson> lessons() {
        return List.copyOf(order);
    }
}
