package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lint.Linter;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.markdown.NoLessonsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jbang lesson lint}: every problem in every lesson, as file:line:col with the fix; exit 2 if any. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = "Check every lesson for mistakes; prints file:line:col: message and the fix.")
public final class LintCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = global.layout();
        CourseLoader.Loaded loaded = layout.loader().load(layout.lessons());
        if (loaded.files().isEmpty()) {
            // "0 lessons, no problems" passed a wrong --lessons (the course folder, say) that site refuses.
            throw new NoLessonsException(layout.lessons(), "; nothing to lint");
        }
        List<Problem> problems = new java.util.ArrayList<>(layout.courseProblems());
        // A diagram the site drew with this engine build parses: lint need not load PlantUML to parse it again.
        Linter linter = new Linter(SiteCommand.diagramCache()::drawn);
        LintedLessons linted = LintedLessons.forUser(layout);
        // Each lesson's rules run unless this very lesson passed them before (LintedLessons); problems are always found afresh.
        problems.addAll(linter.lint(loaded, lesson -> linted.lint(lesson, linter::lint)));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path relativeTo = Path.of("").toAbsolutePath();
        for (Problem problem : problems) {
            err.println(problem.relativeTo(relativeTo).format());
        }
        if (problems.isEmpty()) {
            out.println("lint: " + loaded.files().size() + " lessons, no problems");
            out.flush();
            return ExitCodes.OK;
        }
        err.println("lint: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in "
                + problems.stream().map(p -> p.position().file()).distinct().count() + " file(s)");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
