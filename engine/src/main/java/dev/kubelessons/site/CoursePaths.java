package dev.kubelessons.site;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.site.SiteViews.Link;
import dev.kubelessons.site.SiteViews.PathPager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's learning paths as the site shows them: each path's lessons in order, a lesson's position on each
 * ("3 of 11 on Bottom-up") and its neighbours there. The one class of the site that reads the paths, so a change in
 * how a course declares them touches only this file.
 */
final class CoursePaths {

    /** The id of the reading order of a lesson that is on no path: the whole course by id. */
    static final String ALL = "all";

    /** One path and its lessons in order; positions by lesson id (a Lesson's own equals walks its whole text). */
    record OnPath(String id, String title, String summary, List<Lesson> lessons, Map<String, Integer> positions) {
    }

    private final List<OnPath> paths = new ArrayList<>();
    private final OnPath all;

    CoursePaths(Course course) {
        for (LearningPath path : course.paths()) { // the course file's paths, in its order
            paths.add(onPath(path.id(), path.title(), path.summary(), course.path(path)));
        }
        all = onPath(ALL, "the course", "", course.lessons());
    }

    private static OnPath onPath(String id, String title, String summary, List<Lesson> lessons) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < lessons.size(); i++) {
            positions.put(lessons.get(i).id(), i);
        }
        return new OnPath(id, title, summary, List.copyOf(lessons), positions);
    }

    /** Every path of the course in its declared order, with or without lessons. */
    List<OnPath> all() {
        return List.copyOf(paths);
    }

    /** The paths this lesson is on, in the course's order. */
    List<OnPath> of(Lesson lesson) {
        return paths.stream().filter(p -> p.positions().containsKey(lesson.id())).toList();
    }

    /** Where a lesson sits on each of its paths, e.g. "3 of 11 on Bottom-up". */
    List<String> labels(Lesson lesson) {
        return of(lesson).stream().map(p -> label(p, lesson)).toList();
    }

    /**
     * Previous and next on each path the lesson is on; a lesson on no path gets one pager over the whole course. The
     * first pager is the default: the course's first declared path (the course file lists its main road first) when the
     * lesson is on it.
     */
    List<PathPager> pagers(Lesson lesson) {
        List<OnPath> on = of(lesson);
        return (on.isEmpty() ? List.of(all) : on).stream().map(p -> pager(p, lesson)).toList();
    }

    private static PathPager pager(OnPath path, Lesson lesson) {
        int at = path.positions().get(lesson.id());
        Link previous = at > 0 ? LessonCards.link(path.lessons().get(at - 1)) : null;
        Link next = at + 1 < path.lessons().size() ? LessonCards.link(path.lessons().get(at + 1)) : null;
        return new PathPager(path.id(), path.title(), label(path, lesson), previous, next);
    }

    private static String label(OnPath path, Lesson lesson) {
        String where = path.id().equals(ALL) ? " in the course" : " on " + path.title();
        return (path.positions().get(lesson.id()) + 1) + " of " + path.lessons().size() + where;
    }
}
