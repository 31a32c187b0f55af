package dev.kubelessons.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbang lesson}: with a lesson id, runs that lesson; otherwise dispatches to a subcommand. */
@Command(name = "lesson", mixinStandardHelpOptions = true, version = "kubelessons 0.1.0",
        description = "Interactive Kubernetes networking lessons, checked live against your cluster.",
        subcommands = {LintCommand.class, SiteCommand.class})
public final class LessonCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<id>", description = "Lesson id, e.g. 03-clusterip.")
    String lessonId;

    @Override
    public Integer call() {
        if (lessonId == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCodes.BAD_INPUT;
        }
        throw new UserInputException("running lessons is not available in this build yet", "use 'lint' or 'site' for now");
    }
}
