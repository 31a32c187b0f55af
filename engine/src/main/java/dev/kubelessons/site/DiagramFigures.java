package dev.kubelessons.site;

import dev.kubelessons.diagram.DiagramDrawing;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Launcher;
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
    private final DiagramCache cache;

    DiagramFigures() {
        this(DiagramCache.NONE);
    }

    /** @param cache diagrams drawn by earlier builds; a hit never touches PlantUML */
    DiagramFigures(DiagramCache cache) {
        this.cache = cache;
    }

    /** Draws every diagram of the lesson before its prose is rendered; throws with all its syntax errors. */
    void prepare(Lesson lesson) {
        if (lesson.diagrams().isEmpty()) {
            return;
        }
        List<Problem> problems = lesson.diagrams().stream().flatMap(d -> draw(d).stream()).toList();
        if (!problems.isEmpty()) {
            throw new SiteBuildException(problems.size() + " diagram" + (problems.size() == 1 ? "" : "s") + " in " + lesson.source().getFileName()
                    + (problems.size() == 1 ? " does" : " do") + " not parse; the site was not rebuilt", "fix them ('" + Launcher.command("lint") + "' lists them too) and build again", problems);
        }
    }

    /**
     * Starts drawing the lessons' diagrams on a thread of its own, so that PlantUML (one diagram at a time, and
     * slow while it warms up) runs beside the pages instead of holding up the page threads that need it. A page
     * whose diagram is being drawn waits for it; one that does not parse is left for {@link #prepare} to report.
     */
    void drawAhead(List<Lesson> lessons) {
        if (lessons.stream().allMatch(l -> l.diagrams().isEmpty())) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                lessons.forEach(l -> l.diagrams().forEach(this::draw));
            } catch (RuntimeException e) {
                // The page that needs the diagram draws it again and reports what went wrong.
            }
        }, "diagrams");
        thread.setDaemon(true);
        thread.start();
    }

    /** Draws the diagram unless it is drawn (kept by its text); its syntax error, not kept, if it does not parse. */
    private Optional<Problem> draw(Diagram diagram) {
        Problem[] problem = {null};
        figures.computeIfAbsent(diagram.source(), source -> {
            String id = id(diagram);
            Optional<String> kept = cache.svg(diagram, id);
            if (kept.isPresent()) {
                return figure(diagram, kept.get()); // it parsed when it was drawn, by this same engine build
            }
            DiagramDrawing.Drawn drawn = drawing.draw(diagram, id);
            problem[0] = drawn.problem().orElse(null);
            if (problem[0] != null) {
                return null;
            }
            cache.store(diagram, id, drawn.svg());
            return figure(diagram, drawn.svg());
        });
        return Optional.ofNullable(problem[0]);
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
            String id = id(diagram);
            Optional<String> kept = cache.svg(diagram, id);
            if (kept.isPresent()) {
                return figure(diagram, kept.get());
            }
            DiagramDrawing.Drawn drawn = drawing.draw(diagram, id);
            if (drawn.problem().isPresent()) {
                return figure(diagram, drawing.svg(diagram, id)); // PlantUML's picture of the error, as before; not kept
            }
            cache.store(diagram, id, drawn.svg());
            return figure(diagram, drawn.svg());
        });
    }

    /** The prefix of the figure's SVG ids: unique per diagram on a page. */
    static String id(Diagram diagram) {
        return "dg-" + shortHash(diagram.title() + "\n" + diagram.source());
    }

    private static String figure(Diagram diagram, String svg) {
        return "<figure class=\"diagram\">" + svg
                + "<figcaption>" + escape(diagram.title()) + "</figcaption>"
                + "<details class=\"diagram-text\"><summary>The diagram in words</summary><p>" + escape(diagram.description())
                + "</p></details></figure>";
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
