package dev.kubelessons.site;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Prose;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.lesson.StepPart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The documents lunr indexes in the browser, as {@code search-index.js} assigning a global.
 * A script rather than JSON because fetch() of a local file fails on file:// pages.
 */
final class SearchIndexWriter {

    static final String FILE = "search-index.js";

    String write(Course course) {
        return write(course.lessons().stream().map(SearchIndexWriter::entry).toList());
    }

    /** The index from entries made earlier: a rebuild under --serve makes only the changed lesson's again. */
    String write(List<String> entries) {
        StringBuilder out = new StringBuilder(entries.stream().mapToInt(String::length).sum() + 64).append("window.KUBELESSONS_SEARCH = [\n");
        for (int i = 0; i < entries.size(); i++) {
            out.append(entries.get(i)).append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        return out.append("];\n").toString();
    }

    /** The same index as {@link #write(List)}, from entries already in UTF-8, straight to a stream. */
    static void write(List<byte[]> entries, OutputStream out) throws IOException {
        out.write(HEAD);
        for (int i = 0; i < entries.size(); i++) {
            out.write(entries.get(i));
            out.write(i + 1 < entries.size() ? SEPARATOR : LAST);
        }
        out.write(TAIL);
    }

    private static final byte[] HEAD = "window.KUBELESSONS_SEARCH = [\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEPARATOR = ",\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LAST = "\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "];\n".getBytes(StandardCharsets.UTF_8);

    /** {@link #entry} in UTF-8, as the index file holds it. */
    static byte[] utf8Entry(Lesson lesson) {
        return entry(lesson).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One lesson's document, as a line of the index: its summary, objectives and introduction, then each step (anchor,
     * title, words) so that a result opens the step.
     */
    static String entry(Lesson lesson) {
        StringBuilder out = new StringBuilder("  {\"id\": ").append(JsonText.quote(lesson.id()))
                .append(", \"title\": ").append(JsonText.quote(lesson.title()))
                .append(", \"href\": ").append(JsonText.quote(LessonCards.href(lesson.id())))
                .append(", \"summary\": ").append(JsonText.quote(lesson.summary()))
                .append(", \"body\": ").append(JsonText.quote(introduction(lesson)))
                .append(", \"steps\": [");
        List<Step> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            out.append(i == 0 ? "" : ", ").append("{\"anchor\": ").append(JsonText.quote(step.anchor()))
                    .append(", \"title\": ").append(JsonText.quote("Step " + step.number() + " \u00b7 " + step.title()))
                    .append(", \"body\": ").append(JsonText.quote(body(step))).append('}');
        }
        return out.append("]}").toString();
    }

    private static String introduction(Lesson lesson) {
        SearchText words = new SearchText();
        lesson.objectives().forEach(words::literal); // printed as they are, escaped, on the page
        return words.markdown(lesson.introduction().markdown()).toString();
    }

    /** What a reader might search for in a step, as its page shows it: prose, hints and check titles; not manifests. */
    private static String body(Step step) {
        SearchText words = new SearchText();
        for (StepPart part : step.parts()) {
            if (part instanceof Prose prose) {
                words.markdown(prose.markdown());
            } else if (part instanceof Block block && block.role() == BlockRole.HINT) {
                // A hint in Markdown is rendered; a hint in a language is code, shown as written (LessonPageBuilder's rule).
                if (LessonPageBuilder.isMarkdown(block)) {
                    words.markdown(block.content());
                } else {
                    words.literal(block.content());
                }
            }
        }
        step.checks().stream().map(CheckSpec::info).forEach(info -> words.literal(info.title()));
        return words.toString();
    }
}
