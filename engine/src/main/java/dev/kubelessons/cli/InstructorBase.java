package dev.kubelessons.cli;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Launcher;

import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterSession;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every instructor subcommand shares: the global options, the workshop's lessons and opening a cluster session. */
abstract class InstructorBase implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();
    @Spec
    CommandSpec spec;
    // Not --lessons: that global option names the lessons folder.
    @Option(names = "--lesson-ids", split = ",", paramLabel = "id,id", description = "The workshop's lessons (default: every lesson).")
    List<String> lessonIds = new ArrayList<>();

    /**
     * The workshop's lessons: those named, or every lesson that can run on one shared cluster. A lesson with a kind
     * cluster of its own (no CNI, another kube-proxy mode, a drill's cluster-level faults) changes nodes and kube-system: attendees run it on their
     * own machines, so it is left out with a note, and naming it is an error.
     */
    List<Lesson> lessons() {
        LessonLookup lookup = new LessonLookup(global.layout());
        List<Lesson> chosen = lessonIds.isEmpty() ? lookup.all() : lessonIds.stream().map(lookup::lesson).toList();
        List<String> own = chosen.stream().filter(l -> l.cluster().isPresent()).map(Lesson::id).toList();
        if (!own.isEmpty() && !lessonIds.isEmpty()) {
            throw new UserInputException(String.join(", ", own) + " need(s) a kind cluster of its own and cannot run on a shared workshop cluster",
                    "leave it out of the workshop's lessons; attendees run it on their own machine with '" + Launcher.command(own.get(0)) + "'");
        }
        if (!own.isEmpty()) {
            err().println("note: left out of the workshop: " + String.join(", ", own)
                    + " (each needs a kind cluster of its own; attendees run it on their own machine)");
            err().flush();
        }
        return chosen.stream().filter(l -> l.cluster().isEmpty()).toList();
    }

    List<String> lessonIdsOf(List<Lesson> lessons) {
        return lessons.stream().map(Lesson::id).toList();
    }

    Lesson lesson(String id) {
        return new LessonLookup(global.layout()).lesson(id);
    }

    ClusterSession session() {
        return ClusterSession.open(global.cluster(), err());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
