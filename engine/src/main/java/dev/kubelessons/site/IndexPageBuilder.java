package dev.kubelessons.site;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.site.SiteViews.IndexPage;
import dev.kubelessons.site.SiteViews.LessonCard;
import dev.kubelessons.site.SiteViews.PathSection;
import java.util.List;

/** Builds the index page: the course map, each learning path in its order, and the catalog an instructor plans from. */
final class IndexPageBuilder {

    private final MarkdownHtml markdown;

    IndexPageBuilder() {
        this(new MarkdownHtml());
    }

    IndexPageBuilder(MarkdownHtml markdown) {
        this.markdown = markdown;
    }

    IndexPage build(Course course) {
        CoursePaths coursePaths = new CoursePaths(course);
        List<PathSection> paths = coursePaths.all().stream().map(path -> section(path, coursePaths)).toList();
        List<LessonCard> catalog = course.lessons().stream().map(l -> LessonCards.of(l, coursePaths)).toList();
        int total = course.lessons().stream().mapToInt(Lesson::durationMinutes).sum();
        return new IndexPage(paths, catalog, total, CourseMap.of(course).map(markdown::figure).orElse(""));
    }

    private static PathSection section(CoursePaths.OnPath path, CoursePaths coursePaths) {
        List<Lesson> lessons = path.lessons();
        return new PathSection(path.id(), path.title(), path.summary(),
                lessons.stream().map(l -> LessonCards.of(l, coursePaths)).toList(),
                lessons.stream().mapToInt(Lesson::durationMinutes).sum());
    }
}
