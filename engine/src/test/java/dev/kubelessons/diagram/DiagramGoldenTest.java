package dev.kubelessons.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.SourcePosition;
import dev.kubelessons.markdown.CourseLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden SVGs of every diagram in the real course (src/test/resources/golden/diagrams/LESSON-N.svg):
 * PlantUML's drawing after the theme and accessibility pass. Run with -Dgolden.update=true after
 * changing a diagram or the renderer, and look at the diff (the files open in any browser).
 */
class DiagramGoldenTest {

    private static final Pattern COLOUR = Pattern.compile("(fill|stroke)(\\s*:\\s*|=\")([^;\"]+)");

    private final DiagramDrawing drawing = new DiagramDrawing();

    @Test
    void everyDiagramOfTheCourseMatchesItsGoldenSvg() throws IOException {
        List<Lesson> lessons = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lessons();
        List<String> names = new ArrayList<>();
        for (Lesson lesson : lessons) {
            for (int i = 0; i < lesson.diagrams().size(); i++) {
                String name = lesson.id() + "-" + (i + 1) + ".svg";
                names.add(name);
                Fixtures.assertGolden("diagrams/" + name, drawing.svg(lesson.diagrams().get(i), "dg-" + lesson.id() + "-" + (i + 1)) + "\n");
            }
        }
        assertFalse(names.isEmpty(), "the course has diagrams");
        Path folder = Fixtures.resources().resolve("golden/diagrams");
        try (Stream<Path> files = Files.list(folder)) {
            TreeSet<String> golden = new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
            golden.removeAll(names);
            assertTrue(golden.isEmpty(), "golden SVGs of diagrams that no lesson draws any more: " + golden + " (delete them)");
        }
    }

    @Test
    void drawingIsThemedAccessibleAndRepeatable() {
        Diagram diagram = diagram("rectangle \"client pod\" as c\nrectangle \"Service web\" as s <<hot>>\n"
                + "rectangle \"blocked\" as b <<deny>>\nc -[$hot]-> s : TCP 80\nc -[#ff0000]-> b\nnote right of b : dropped");
        String svg = drawing.svg(diagram, "dg-test");
        assertEquals(svg, drawing.svg(diagram, "dg-test"), "the same text draws the same SVG");
        assertTrue(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"dg-test-title\"")
                && svg.contains("aria-describedby=\"dg-test-desc\""), svg);
        assertTrue(svg.contains("<title id=\"dg-test-title\">Web &lt;and&gt; client</title>"), "the title, escaped: " + svg);
        assertTrue(svg.contains("<desc id=\"dg-test-desc\">The client pod connects to the Service web.</desc>"), svg);
        Matcher colour = COLOUR.matcher(svg);
        while (colour.find()) {
            assertTrue(colour.group(3).equals("none") || colour.group(3).startsWith("var(--"), "a colour that does not follow the theme: " + colour.group());
        }
        assertTrue(svg.contains("var(--accent)") && svg.contains("var(--badge)") && svg.contains("var(--fg)"),
                "hot and deny elements and text take the theme's colours: " + svg);
        assertFalse(svg.contains("width:") && svg.contains("background:"), "no fixed size or background of PlantUML's own");
    }

    @Test
    void noScriptOrJavascriptLinkReachesThePage() {
        String svg = drawing.svg(diagram("rectangle \"<script>alert(1)</script>\" as a\n"
                + "rectangle b [[javascript:alert(2)]]\nrectangle c [[https://kubernetes.io/docs/]]\na --> b"), "dg-x");
        assertFalse(svg.contains("<script"), svg);
        assertFalse(svg.toLowerCase().contains("javascript:"), svg);
        assertTrue(svg.contains("&lt;script&gt;"), "label text stays text: " + svg);
    }

    @Test
    void aSyntaxErrorIsPlacedAtItsLineInTheLessonFile() {
        Diagram diagram = new Diagram("Broken", "An arrow to nowhere.", "rectangle a\n\na -->>\nrectangle b",
                SourcePosition.of(Path.of("lessons/99-x.md"), 40, 1), 43);
        var problem = drawing.problem(diagram).orElseThrow();
        assertEquals(45, problem.position().line(), problem.format());
        assertTrue(drawing.problem(diagram("rectangle a")).isEmpty());
    }

    private static Diagram diagram(String source) {
        return new Diagram("Web <and> client", "The client pod connects to the Service web.", source,
                SourcePosition.of(Path.of("lessons/99-x.md"), 10, 1), 13);
    }
}
