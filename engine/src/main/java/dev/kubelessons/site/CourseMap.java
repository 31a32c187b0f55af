package dev.kubelessons.site;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The course map on the index, generated from the lessons' front matter at every build, never
 * written by hand: each lesson a box, each prerequisite a solid arrow (but those another one implies), each
 * step along a learning path an arrow labelled with the paths that take it (dashed where it is no prerequisite). A course too large to read as one
 * picture gets none (the path lists below it say the same).
 */
final class CourseMap {

    /** Beyond this many lessons a single map is unreadable on any screen, and slow to lay out. */
    static final int MAX_LESSONS = 40;

    private CourseMap() {
    }

    static Optional<Diagram> of(Course course) {
        if (course.lessons().isEmpty() || course.lessons().size() > MAX_LESSONS) {
            return Optional.empty();
        }
        StringBuilder source = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            source.append("rectangle \"").append(label(lesson.id() + "\\n" + lesson.title())).append("\" as ").append(alias(lesson))
                    .append(lesson.prerequisites().isEmpty() ? " <<hot>>" : "").append('\n');
        }
        // Prerequisites implied by others (01 before 03 when 03 needs 02, which needs 01) are left out: fewer crossings.
        Map<String, List<String>> arrows = new LinkedHashMap<>();
        for (Lesson lesson : course.lessons()) {
            for (String prerequisite : lesson.prerequisites()) {
                if (course.lesson(prerequisite).isPresent() && !impliedByAnother(course, lesson, prerequisite)) {
                    arrows.put(alias(course.lesson(prerequisite).get()) + " --> " + alias(lesson), new ArrayList<>());
                }
            }
            if (!lesson.prerequisites().isEmpty()) {
                words.add(lesson.id() + " needs " + String.join(" and ", lesson.prerequisites()) + ".");
            }
        }
        // Each step along a path: on the prerequisite's arrow when there is one, else a dashed arrow; labelled with the paths.
        for (LearningPath path : course.paths()) {
            List<Lesson> order = course.path(path);
            for (int i = 1; i < order.size(); i++) {
                String pair = alias(order.get(i - 1)) + " %s " + alias(order.get(i));
                String key = arrows.containsKey(pair.formatted("-->")) ? pair.formatted("-->") : pair.formatted("..>");
                arrows.computeIfAbsent(key, k -> new ArrayList<>()).add(path.title());
            }
            if (!order.isEmpty()) {
                words.add("The " + path.title() + " path: " + String.join(", ", order.stream().map(Lesson::id).toList()) + ".");
            }
        }
        arrows.forEach((arrow, paths) -> source.append(arrow).append(paths.isEmpty() ? "" : " : " + label(String.join(", ", paths))).append('\n'));
        String description = "Each lesson is a box; an accented box needs no other lesson first. A solid arrow points from a "
                + "prerequisite to the lesson that needs it (one implied by another is left out); an arrow labelled with "
                + "paths is the next lesson on those paths, dashed where it is not a prerequisite. "
                + String.join(" ", words);
        return Optional.of(new Diagram("Course map: lessons, prerequisites and paths", description, source.toString(),
                SourcePosition.of(Path.of("course.yaml"), 1, 1), 1));
    }

    /** Whether another prerequisite of {@code lesson} already needs {@code prerequisite}, directly or further back. */
    private static boolean impliedByAnother(Course course, Lesson lesson, String prerequisite) {
        return lesson.prerequisites().stream().filter(other -> !other.equals(prerequisite))
                .anyMatch(other -> needs(course, other, prerequisite, new java.util.HashSet<>()));
    }

    private static boolean needs(Course course, String id, String target, java.util.Set<String> seen) {
        if (!seen.add(id)) {
            return false;
        }
        List<String> direct = course.lesson(id).map(Lesson::prerequisites).orElse(List.of());
        return direct.contains(target) || direct.stream().anyMatch(next -> needs(course, next, target, seen));
    }

    private static String alias(Lesson lesson) {
        return "L" + lesson.id().replace('-', '_');
    }

    /** Text inside a PlantUML string: no quote can end it early. */
    private static String label(String text) {
        return text.replace("\"", "'");
    }
}
