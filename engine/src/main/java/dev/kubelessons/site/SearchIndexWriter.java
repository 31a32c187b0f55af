package dev.kubelessons.site;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Prose;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.lesson.StepPart;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents lunr indexes in the browser, as {@code search-index.js} assigning a global.
 * A script rather than JSON because fetch() of a local file fails on file:// pages.
 */
final class SearchIndexWriter {

    static final String FILE = "search-index.js";

    String write(Course course) {
        StringBuilder out = new StringBuilder("window.KUBELESSONS_SEARCH = [\n");
        List<Lesson> lessons = course.lessons();
        for (int i = 0; i < lessons.size(); i++) {
            Lesson lesson = lessons.get(i);
            out.append("  {\"id\": ").append(JsonText.quote(lesson.id()))
                    .append(", \"title\": ").append(JsonText.quote(lesson.title()))
                    .append(", \"href\": ").append(JsonText.quote(LessonCards.href(lesson.id())))
                    .append(", \"summary\": ").append(JsonText.quote(lesson.summary()))
                    .append(", \"body\": ").append(JsonText.quote(body(lesson)))
                    .append('}').append(i + 1 < lessons.size() ? ",\n" : "\n");
        }
        return out.append("];\n").toString();
    }

    /** What a reader might search for: objectives, prose, step and check titles; not manifests. */
    private static String body(Lesson lesson) {
        List<String> words = new ArrayList<>(lesson.objectives());
        words.add(lesson.introduction().markdown());
        for (Step step : lesson.steps()) {
            words.add(step.title());
            for (StepPart part : step.parts()) {
                if (part instanceof Prose prose) {
                    words.add(prose.markdown());
                } else if (part instanceof Block block && block.role() == BlockRole.HINT) {
                    words.add(block.content());
                }
            }
            step.checks().stream().map(CheckSpec::info).forEach(info -> words.add(info.title()));
        }
        return String.join("\n", words).replaceAll("[`*_#>|\\[\\]]|-{2,}", " ").replaceAll("\\s+", " ").strip();
    }
}
