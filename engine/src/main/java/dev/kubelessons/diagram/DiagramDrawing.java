package dev.kubelessons.diagram;

import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.util.Optional;

/**
 * Lesson diagrams drawn for the site (themed, accessible SVG) and checked for lint. The entry point
 * of this package; PlantUML itself is loaded on the first call, never by merely creating this.
 */
public final class DiagramDrawing {

    /** The diagram's syntax error at its line in the lesson file, with the next step; empty when it parses. */
    public Optional<Problem> problem(Diagram diagram) {
        return PlantUml.syntaxError(diagram.source()).map(error -> problem(diagram, error));
    }

    private static Problem problem(Diagram diagram, PlantUml.SyntaxError error) {
        return new Problem(
                SourcePosition.of(diagram.position().file(), diagram.sourceLine() + error.line() - 1, 1),
                "the diagram '" + diagram.title() + "' does not parse: " + error.message(),
                "fix the PlantUML at this line (the syntax of each diagram type is at plantuml.com); "
                        + "write the elements and arrows only, the engine adds @startuml, the layout and the colours");
    }

    /** The diagram drawn as {@link #svg} draws it, or its syntax error as {@link #problem} finds it; PlantUML parses it once. */
    public record Drawn(Optional<Problem> problem, String svg) {
    }

    /** What {@link #problem} and then {@link #svg} give, from one parse of the diagram (the site draws each diagram once). */
    public Drawn draw(Diagram diagram, String idPrefix) {
        PlantUml.Drawn drawn = PlantUml.draw(diagram.source());
        if (drawn.error().isPresent()) {
            return new Drawn(Optional.of(problem(diagram, drawn.error().get())), "");
        }
        return new Drawn(Optional.empty(), ThemedSvg.of(drawn.svg(), diagram.title(), diagram.description(), idPrefix));
    }

    /**
     * The diagram as an inline SVG element for the page, in the site's theme colours, with its title and
     * description for screen readers. @param idPrefix unique on the page, [a-z0-9-] only
     */
    public String svg(Diagram diagram, String idPrefix) {
        return ThemedSvg.of(PlantUml.svg(diagram.source()), diagram.title(), diagram.description(), idPrefix);
    }
}
