package dev.kubelessons.cli;

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

    List<Lesson> lessons() {
        LessonLookup lookup = new LessonLookup(global.layout());
        return lessonIds.isEmpty() ? lookup.all() : lessonIds.stream().map(lookup::lesson).toList();
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
