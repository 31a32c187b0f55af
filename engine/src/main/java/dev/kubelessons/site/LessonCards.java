package dev.kubelessons.site;

import dev.kubelessons.lesson.CheckInfo;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.site.SiteViews.LessonCard;
import dev.kubelessons.site.SiteViews.Link;
import java.util.List;

/** Summaries and links of lessons, shared by the index, the lesson pages and the search index. */
final class LessonCards {

    private LessonCards() {
    }

    /** Relative, so the site works from file:// and from any folder on a static host. */
    static String href(String lessonId) {
        return lessonId + ".html";
    }

    /** @param paths the course's paths: a card says where the lesson sits on each ("3 of 11 on Bottom-up"), not its sort key */
    static LessonCard of(Lesson lesson, CoursePaths paths) {
        List<String> checks = lesson.checks().stream().map(CheckSpec::info).map(CheckInfo::title).toList();
        return new LessonCard(lesson.id(), lesson.title(), href(lesson.id()), lesson.summary(), lesson.durationMinutes(),
                paths.labels(lesson), checks, "jbang lesson " + lesson.id(), // the site is read anywhere: jbang's own command, not this clone's ./jbang
                lesson.isDrill());
    }

    static Link link(Lesson lesson) {
        return new Link(lesson.id(), lesson.title(), href(lesson.id()));
    }
}
