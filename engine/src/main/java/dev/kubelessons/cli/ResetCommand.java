package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.ProgressStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jbang lesson reset <id>}: recreate the lesson's namespace with its setup, and forget its progress. */
@Command(name = "reset", mixinStandardHelpOptions = true, description = "Start a lesson over: recreate its namespace and setup.")
public final class ResetCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<id>", description = "Lesson id.")
    String lessonId;

    @Override
    public Integer call() {
        Lesson lesson = new LessonLookup(global.layout()).lesson(lessonId);
        // Checked before the namespace is recreated, so a read-only state dir leaves the lesson as it was.
        ProgressStore progress = ProgressStore.forUser().requireWritable();
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterSession session = ClusterSession.open(global.cluster(), lesson, spec.commandLine().getErr())) {
            session.sandbox().reset(lesson);
            progress.forget(lesson.id());
            out.println("reset " + lesson.id() + ": namespace " + session.sandbox().namespace(lesson) + " recreated, setup applied");
            out.flush();
            return ExitCodes.OK;
        }
    }
}
