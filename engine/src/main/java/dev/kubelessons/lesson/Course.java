package dev.kubelessons.lesson;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * All lessons of a lessons folder, in id order, and the course's learning paths in their declared order (for a
 * folder without a course file: the paths its lessons name, in the order they first appear).
 */
public record Course(List<Lesson> lessons, List<LearningPath> paths) {

    public Course {
        lessons = lessons.stream().sorted(Comparator.comparing(Lesson::id)).toList();
        paths = List.copyOf(paths);
    }

    /** A course whose paths are those its lessons name. */
    public Course(List<Lesson> lessons) {
        this(lessons, namedPaths(lessons));
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lessons on one path, by their declared order, then id. */
    public List<Lesson> path(LearningPath path) {
        return lessons.stream()
                .filter(l -> l.paths().containsKey(path))
                .sorted(Comparator.comparingInt((Lesson l) -> l.positionOn(path)).thenComparing(Lesson::id))
                .toList();
    }

    private static List<LearningPath> namedPaths(List<Lesson> lessons) {
        LinkedHashSet<LearningPath> paths = new LinkedHashSet<>();
        lessons.stream().sorted(Comparator.comparing(Lesson::id)).forEach(l -> paths.addAll(l.paths().keySet()));
        return List.copyOf(paths);
    }
}
