package dev.kubelessons.lint;

import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.CourseLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything lint reports: the parser's and loader's problems, then the rules that need a
 * whole lesson (structure, CEL, manifests against the Kubernetes schema), sorted by place.
 */
public final class Linter {

    private final List<LessonRule> rules;

    public Linter() {
        this(diagram -> false);
    }

    /**
     * @param drawnDiagrams diagrams known to parse without PlantUML (those the site drew and kept with this engine
     *     build): loading PlantUML to parse even a few diagrams was ~0.5 CPU-s of a cold lint of 1,000 lessons, and each
     *     distinct diagram a few milliseconds more (bench/RESULTS.md)
     */
    public Linter(Predicate<Diagram> drawnDiagrams) {
        this(List.of(new StructureRule(), new CelRule(), new ManifestRule(), new SolutionCommandRule(), new DrillRule(),
                new DiagramRule(drawnDiagrams)));
    }

    public Linter(List<LessonRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Problem> lint(CourseLoader.Loaded loaded) {
        return lint(loaded, this::lint);
    }

    /**
     * Like {@link #lint(CourseLoader.Loaded)}, with each lesson's rules asked through {@code perLesson}
     * (the CLI's cache of clean verdicts, which calls {@link #lint(Lesson)} for a lesson it does not know).
     */
    public List<Problem> lint(CourseLoader.Loaded loaded, Function<Lesson, List<Problem>> perLesson) {
        List<Problem> problems = new ArrayList<>(loaded.problems());
        // Lessons lint independently (the rules share only thread-safe caches), so on every core.
        loaded.allLessons().parallelStream().map(perLesson).toList().forEach(problems::addAll);
        problems.sort(Comparator.comparing((Problem p) -> p.position().file().toString())
                .thenComparingInt(p -> p.position().line())
                .thenComparingInt(p -> p.position().column()));
        return problems;
    }

    /** The rules' problems in one parsed lesson (the parser's own are in its ParsedLesson). */
    public List<Problem> lint(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        for (LessonRule rule : rules) {
            problems.addAll(rule.check(lesson));
        }
        return problems;
    }
}
