package dev.kubelessons.site;

import dev.kubelessons.diagram.DiagramDrawing;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.DiagramReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lesson diagrams as figures on the page: the themed SVG, a caption with the title and the text
 * description under a fold. Drawn once per diagram text and kept, so a rebuild under --serve redraws
 * only what changed. A diagram that does not parse stops the build with its file:line, as lint says.
 */
final class DiagramFigures {

    private final DiagramDrawing drawing = new DiagramDrawing();
    private final Map<String, String> figures = new ConcurrentHashMap<>();

    /** Draws every diagram of the lesson before its prose is rendered; throws with all its syntax errors. */
    void prepare(Lesson lesson) {
        if (lesson.diagrams().isEmpty()) {
            return;
        }
        List<Problem> problems = lesson.diagrams().stream().filter(d -> !figures.containsKey(d.source()))
                .flatMap(d -> drawing.problem(d).stream()).toList();
        if (!problems.isEmpty()) {
            throw new SiteBuildException(problems.size() + " diagram" + (problems.size() == 1 ? "" : "s") + " in " + lesson.source().getFileName()
                    + " do not parse; the site was not rebuilt", "fix them ('jbang lesson lint' lists them too) and build again", problems);
        }
        lesson.diagrams().forEach(this::figureOf);
    }

    /** The figure for the content of a {@code plantuml diagram} fence (its header included). */
    Optional<String> figure(String fenceContent) {
        return DiagramReader.read(fenceContent).map(this::figureOf);
    }

    String figure(Diagram diagram) {
        return figureOf(diagram);
    }

    private String figureOf(Diagram diagram) {
        return figures.computeIfAbsent(diagram.source(), source -> {
            String id = "dg-" + shortHash(diagram.title() + "\n" + source);
            return "<figure class=\"diagram\">" + drawing.svg(diagram, id)
                    + "<figcaption>" + escape(diagram.title()) + "</figcaption>"
                    + "<details class=\"diagram-text\"><summary>The diagram in words</summary><p>" + escape(diagram.description())
                    + "</p></details></figure>";
        });
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
