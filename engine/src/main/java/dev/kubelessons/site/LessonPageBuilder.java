package dev.kubelessons.site;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Prose;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.lesson.StepPart;
import dev.kubelessons.site.SiteViews.CheckView;
import dev.kubelessons.site.SiteViews.CodeView;
import dev.kubelessons.site.SiteViews.LessonPage;
import dev.kubelessons.site.SiteViews.Link;
import dev.kubelessons.site.SiteViews.PartView;
import dev.kubelessons.site.SiteViews.StepView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a lesson page from a lesson: prose rendered, blocks turned into what a reader needs
 * (checks as sentences, solutions and hints folded), neighbours on each of the lesson's paths.
 */
final class LessonPageBuilder {

    private static final String LANGUAGE_CLASS_START = "class=\"language-";
    private static final Pattern LANGUAGE_CLASS = Pattern.compile("class=\"language-([a-z0-9+#-]+)\"");

    private final Map<String, Lesson> byId = new HashMap<>();
    private final CoursePaths paths;
    private final MarkdownHtml markdown;

    LessonPageBuilder(Course course, MarkdownHtml markdown) {
        // Prerequisites by id in one lookup each: Course.lesson(id) scans the course, for every prerequisite of every page.
        course.lessons().forEach(l -> byId.putIfAbsent(l.id(), l));
        this.paths = new CoursePaths(course);
        this.markdown = markdown;
    }

    LessonPage build(Lesson lesson) {
        markdown.prepareDiagrams(lesson);
        List<Link> prerequisites = lesson.prerequisites().stream()
                .map(id -> Optional.ofNullable(byId.get(id)).map(LessonCards::link).orElse(new Link(id, id, LessonCards.href(id))))
                .toList();
        String introduction = markdown.render(lesson.introduction().markdown());
        List<StepView> steps = lesson.steps().stream().map(step -> step(lesson, step)).toList();
        return new LessonPage(LessonCards.of(lesson, paths), lesson.objectives(), prerequisites, introduction, steps,
                paths.pagers(lesson), highlighting(introduction, steps));
    }

    /** The highlight.js scripts for the languages of the page's code: blocks, and fences inside prose and hints. */
    private static List<String> highlighting(String introduction, List<StepView> steps) {
        Set<String> languages = new TreeSet<>();
        languagesIn(introduction, languages);
        for (StepView step : steps) {
            for (PartView part : step.parts()) {
                part.code().forEach(code -> languages.add(code.language()));
                languagesIn(part.html(), languages);
            }
        }
        return HighlightJs.get().scripts(languages).stream().map(name -> SiteAssets.DIR + "/" + HighlightJs.DIR + "/" + name).toList();
    }

    private static void languagesIn(String html, Set<String> languages) {
        if (html != null && html.contains(LANGUAGE_CLASS_START)) {
            Matcher m = LANGUAGE_CLASS.matcher(html);
            while (m.find()) {
                languages.add(m.group(1));
            }
        }
    }

    private StepView step(Lesson lesson, Step step) {
        List<PartView> parts = new ArrayList<>();
        for (StepPart part : step.parts()) {
            if (part instanceof Prose prose) {
                parts.add(new PartView("prose", markdown.render(prose.markdown()), List.of(), List.of()));
            } else if (part instanceof Block block) {
                addBlock(lesson, parts, block);
            }
        }
        return new StepView(step.number(), step.title(), step.anchor(), parts);
    }

    private void addBlock(Lesson lesson, List<PartView> parts, Block block) {
        CodeView code = new CodeView(CodeLanguage.of(block.language()), CodeLanguage.trimTrailingNewline(block.content()),
                NodeContainers.of(lesson, block));
        PartView last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
        switch (block.role()) {
            case CHECK -> {
                // Adjacent check blocks read as one list of what the checker verifies.
                List<CheckView> checks = block.check().map(c -> List.of(new CheckView(c.info().id(), c.info().title(),
                        c.kind().word(), CheckDescription.of(c), CheckDescription.internals(c), c.needsDataPlane()))).orElse(List.of());
                if (last != null && last.type().equals("checks")) {
                    parts.set(parts.size() - 1, new PartView("checks", null, List.of(), concat(last.checks(), checks)));
                } else {
                    parts.add(new PartView("checks", null, List.of(), checks));
                }
            }
            case SOLUTION -> {
                // A manifest and the commands that apply it belong behind one reveal.
                if (last != null && last.type().equals("solution")) {
                    parts.set(parts.size() - 1, new PartView("solution", null, concat(last.code(), List.of(code)), List.of()));
                } else {
                    parts.add(new PartView("solution", null, List.of(code), List.of()));
                }
            }
            case HINT -> parts.add(isMarkdown(block)
                    ? new PartView("hint", markdown.render(block.content()), List.of(), List.of())
                    : new PartView("hint", null, List.of(code), List.of()));
            case APPLY -> parts.add(new PartView("apply", null, List.of(code), List.of()));
            case SETUP -> parts.add(new PartView("setup", null, List.of(code), List.of()));
            case EXAMPLE -> parts.add(new PartView("code", null, List.of(code), List.of()));
            case FAULT -> {
                // Only the symptom: what was broken and how to restore it are the drill's to reveal, after the incident.
                List<CheckView> incident = block.fault().map(f -> List.of(new CheckView("incident", f.symptom(),
                        "incident", "", "", f.needsDataPlane()))).orElse(List.of());
                if (last != null && last.type().equals("incidents")) {
                    parts.set(parts.size() - 1, new PartView("incidents", null, List.of(), concat(last.checks(), incident)));
                } else {
                    parts.add(new PartView("incidents", null, List.of(), incident));
                }
            }
        }
    }

    /** A hint without a language (or in Markdown) is prose to render; one in a language is code. */
    static boolean isMarkdown(Block block) {
        return block.role() == BlockRole.HINT && (block.language().isEmpty() || block.language().equals("markdown") || block.language().equals("md"));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
