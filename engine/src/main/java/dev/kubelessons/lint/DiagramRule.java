package dev.kubelessons.lint;

import dev.kubelessons.diagram.DiagramDrawing;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.util.List;

/** Every diagram of a lesson parses as PlantUML; a syntax error is reported at its line in the lesson file. */
final class DiagramRule implements LessonRule {

    // Creating it loads nothing; PlantUML is loaded by the first lesson that has a diagram.
    private final DiagramDrawing drawing = new DiagramDrawing();

    @Override
    public List<Problem> check(Lesson lesson) {
        return lesson.diagrams().stream().flatMap(diagram -> drawing.problem(diagram).stream()).toList();
    }
}
