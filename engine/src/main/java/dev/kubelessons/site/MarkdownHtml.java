package dev.kubelessons.site;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Lesson Markdown to HTML. Raw HTML in a lesson is escaped, never passed through, and
 * {@code javascript:} links are neutralised: lesson text is content, not code.
 */
public final class MarkdownHtml {

    private final Parser parser;
    private final HtmlRenderer renderer;

    private final DiagramFigures diagrams;

    public MarkdownHtml() {
        this(new DiagramFigures());
    }

    /** Lesson Markdown whose diagrams come from {@code cache} when an earlier build drew them. */
    MarkdownHtml(DiagramCache cache) {
        this(new DiagramFigures(cache));
    }

    MarkdownHtml(DiagramFigures diagrams) {
        this.diagrams = diagrams;
        List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .nodeRendererFactory(context -> new CodeBlockRenderer(context, diagrams))
                .build();
    }

    /** Draws the lesson's diagrams ahead of its prose, so one that does not parse stops the build at its file:line. */
    void prepareDiagrams(dev.kubelessons.lesson.Lesson lesson) {
        diagrams.prepare(lesson);
    }

    /** Starts drawing these lessons' diagrams beside the caller (see {@link DiagramFigures#drawAhead}). */
    void drawAhead(java.util.List<dev.kubelessons.lesson.Lesson> lessons) {
        diagrams.drawAhead(lessons);
    }

    /** A diagram the site generates itself (the course map), drawn as lesson diagrams are. */
    String figure(dev.kubelessons.lesson.Diagram diagram) {
        return diagrams.figure(diagram);
    }

    public String render(String markdown) {
        return markdown == null || markdown.isBlank() ? "" : renderer.render(parser.parse(markdown));
    }
}
