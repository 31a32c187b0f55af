package dev.kubelessons.site;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.site.SiteViews.IndexPage;
import dev.kubelessons.site.SiteViews.LessonCard;
import dev.kubelessons.site.SiteViews.PathSection;
import java.util.Arrays;
import java.util.List;

/** Builds the index page: each learning path in its order, and the catalog an instructor plans from. */
final class IndexPageBuilder {

    IndexPage build(Course course) {
        List<PathSection> paths = Arrays.stream(LearningPath.values()).map(path -> section(course, path)).toList();
        List<LessonCard> catalog = course.lessons().stream().map(LessonCards::of).toList();
        int total = course.lessons().stream().mapToInt(Lesson::durationMinutes).sum();
        return new IndexPage(paths, catalog, total);
    }

    private static PathSection section(Course course, LearningPath path) {
        List<Lesson> lessons = course.path(path);
        return new PathSection(path.id(), path.title(), path.summary(),
                lessons.stream().map(LessonCards::of).toList(),
                lessons.stream().mapToInt(Lesson::durationMinutes).sum());
    }
}
