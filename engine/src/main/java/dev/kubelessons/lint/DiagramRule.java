package dev.kubelessons.lint;

import dev.kubelessons.diagram.DiagramDrawing;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.util.List;
import java.util.function.Predicate;

/** Every diagram of a lesson parses as PlantUML; a syntax error is reported at its line in the lesson file. */
final class DiagramRule implements LessonRule {

    // Creating it loads nothing; PlantUML is loaded by the first lesson that has a diagram not known to parse.
    private final DiagramDrawing drawing = new DiagramDrawing();
    private final Predicate<Diagram> knownToParse;

    DiagramRule() {
        this(diagram -> false);
    }

    /** @param knownToParse diagrams that need no parse (the site drew them with this engine build) */
    DiagramRule(Predicate<Diagram> knownToParse) {
        this.knownToParse = knownToParse;
    }

    @Override
    public List<Problem> check(Lesson lesson) {
        return lesson.diagrams().stream().filter(diagram -> !knownToParse.test(diagram))
                .flatMap(diagram -> drawing.problem(diagram).stream()).toList();
    }
}
