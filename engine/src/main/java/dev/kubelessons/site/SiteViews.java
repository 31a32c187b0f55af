package dev.kubelessons.site;

import java.util.List;

/**
 * The data the templates see: plain, already-decided values (links, labels, rendered
 * Markdown), so templates hold layout only. Records are public because FreeMarker reads
 * them by reflection.
 */
public final class SiteViews {

    private SiteViews() {
    }

    /** A link to a lesson page. */
    public record Link(String id, String title, String href) {
    }

    /** One lesson as listed on the index and in the catalog; {@code drill}: it breaks things, runs only in the terminal. */
    public record LessonCard(String id, String title, String href, String summary, int durationMinutes,
                             List<String> paths, List<String> checks, String runCommand, boolean drill) {
        public LessonCard {
            paths = List.copyOf(paths);
            checks = List.copyOf(checks);
        }
    }

    /** A learning path with its lessons in order. */
    public record PathSection(String id, String title, String summary, List<LessonCard> lessons, int totalMinutes) {
        public PathSection {
            lessons = List.copyOf(lessons);
        }
    }

    /** The index page: the paths, then the catalog of all lessons by id. */
    /** @param courseMap the course map figure (HTML), empty for a course too large to draw */
    public record IndexPage(List<PathSection> paths, List<LessonCard> catalog, int totalMinutes, String courseMap) {
        public IndexPage {
            paths = List.copyOf(paths);
            catalog = List.copyOf(catalog);
        }
    }

    /**
     * What one check verifies, in words a learner reads ({@code detail}), and for the curious how ({@code internals}: a
     * CEL expression or a regular expression, shown folded; empty when the sentence says it all).
     */
    public record CheckView(String id, String title, String kind, String detail, String internals, boolean dataPlane) {
    }

    /** A code block: the highlight.js language and the text; {@code node} is where a node script runs, else null. */
    public record CodeView(String language, String code, NodePlace node) {
        public CodeView(String language, String code) {
            this(language, code, null);
        }
    }

    /**
     * The kind node a script runs on, and its container as the runner enters it ({@code kubelessons-cni-worker});
     * {@code nodeTable}: the script uses {@code ${nodes}}, which the runner fills in.
     */
    public record NodePlace(String name, String container, boolean nodeTable) {
    }

    /**
     * One piece of a step in reading order. {@code type} is prose, apply, setup, solution,
     * hint, checks or code; prose and Markdown hints carry {@code html}, the others code or checks.
     */
    public record PartView(String type, String html, List<CodeView> code, List<CheckView> checks) {
        public PartView {
            code = List.copyOf(code);
            checks = List.copyOf(checks);
        }
    }

    /** A step with its parts. */
    public record StepView(int number, String title, String anchor, List<PartView> parts) {
        public StepView {
            parts = List.copyOf(parts);
        }
    }

    /**
     * Previous and next on one learning path ({@code path} is its id; {@code label} says where the lesson sits, "3 of 11 on
     * Bottom-up"); previous and next are null at the path's ends.
     */
    public record PathPager(String path, String title, String label, Link previous, Link next) {
    }

    /**
     * A lesson page; {@code pagers} has one per path the lesson is on, the default first (the page shows the learner's
     * path); {@code scripts} are the highlighting scripts its code needs (paths relative to the site), none without code.
     */
    public record LessonPage(LessonCard lesson, List<String> objectives, List<Link> prerequisites,
                             String introductionHtml, List<StepView> steps, List<PathPager> pagers, List<String> scripts) {
        public LessonPage {
            objectives = List.copyOf(objectives);
            prerequisites = List.copyOf(prerequisites);
            steps = List.copyOf(steps);
            pagers = List.copyOf(pagers);
            scripts = List.copyOf(scripts);
        }
    }
}
