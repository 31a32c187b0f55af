package dev.kubelessons.lesson;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All lessons of a lessons folder, in id order, with helpers for the two learning paths. */
public record Course(List<Lesson> lessons) {

    public Course {
        lessons = lessons.stream().sorted(Comparator.comparing(Lesson::id)).toList();
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
}
