package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.runner.ProgressStore;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jbang lesson list}: the lessons on both paths, with their files and the learner's progress marks. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the lessons by learning path, with your progress.")
public final class ListCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = global.layout();
        CourseLoader.Loaded loaded = new CourseLoader().load(layout.lessons());
        Course course = loaded.course();
        Map<String, ProgressStore.LessonProgress> progress = ProgressStore.forUser().all();
        PrintWriter out = spec.commandLine().getOut();
        for (LearningPath path : LearningPath.values()) {
            out.println(path.title() + " path: " + path.summary());
            int position = 1;
            for (Lesson lesson : course.path(path)) {
                out.printf("  %2d. %s %-22s %-44s %3d min  %s%n", position++, mark(progress.get(lesson.id()), lesson), lesson.id(),
                        lesson.title(), lesson.durationMinutes(), layout.root().relativize(lesson.source()));
            }
            out.println();
        }
        out.println("Marks: [x] finished  [~] some checks passed  [ ] not started.  Start one with: jbang lesson <id>");
        if (!loaded.clean()) {
            out.println(loaded.problems().size() + " lesson problem(s) hide some lessons; run 'jbang lesson lint' to see them");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String mark(ProgressStore.LessonProgress progress, Lesson lesson) {
        if (progress == null) {
            return "[ ]";
        }
        if (progress.finished()) {
            return "[x]";
        }
        long passed = lesson.checks().stream().filter(c -> progress.passedChecks().contains(c.info().id())).count();
        return passed > 0 ? "[~]" : "[ ]";
    }
}
