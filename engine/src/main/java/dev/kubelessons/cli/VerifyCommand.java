package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.report.LessonResult;
import dev.kubelessons.report.ReportFormat;
import dev.kubelessons.report.VerifySummary;
import dev.kubelessons.runner.AtomicFile;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.ClusterSessions;
import dev.kubelessons.runner.DrillVerifier;
import dev.kubelessons.runner.LessonVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jbang lesson verify}: each lesson's checks must FAIL unsolved and PASS solved, N times over. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Prove lessons test themselves: unsolved, every check fails; solved, every check passes.")
public final class VerifyCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "Verify every lesson.")
    boolean all;

    @Parameters(arity = "0..*", paramLabel = "<id>", description = "Lessons to verify.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N", description = "Run each lesson N times to catch flaky checks.")
    int repeat;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "N", description = "Lessons verified at once, each in its own namespace.")
    int parallel;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|junit", description = "Report format on stdout.")
    String format;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE.")
    Path junitFile;

    @Override
    public Integer call() throws InterruptedException {
        ReportFormat reportFormat = ReportFormat.parse(format);
        if (repeat < 1 || parallel < 1) {
            throw new UserInputException("--repeat and --parallel must be at least 1", "e.g. --repeat 3");
        }
        if (all == !ids.isEmpty()) {
            throw new UserInputException(all ? "give --all or lesson ids, not both" : "no lessons to verify", "pass --all, or one or more lesson ids");
        }
        LessonLookup lookup = new LessonLookup(global.layout());
        List<Lesson> lessons = all ? lookup.all() : ids.stream().map(lookup::lesson).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LessonResult> results = new ArrayList<>();
        // On kind a lesson with a cluster of its own (cluster: cni) is verified there; the others share the course's.
        try (ClusterSessions sessions = new ClusterSessions(global.cluster(), err)) {
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            long start = System.nanoTime();
            java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
            try {
                List<Future<List<LessonResult>>> futures = new ArrayList<>();
                for (Lesson lesson : lessons) {
                    futures.add(pool.submit(() -> {
                        ClusterSession session = sessions.forLesson(lesson);
                        LessonVerifier verifier = new LessonVerifier(session, LessonCommand.SETTLE_TIMEOUT);
                        DrillVerifier drills = new DrillVerifier(session, session.sandbox("klv"), LessonCommand.SETTLE_TIMEOUT);
                        List<LessonResult> mine = new ArrayList<>();
                        for (int round = 1; round <= repeat; round++) {
                            mine.addAll(lesson.isDrill() ? drills.verify(lesson, round) : verifier.verify(lesson, round));
                            err.printf("verify %s round %d/%d done (%d of %d lessons finished, %s so far)%n", lesson.id(), round, repeat,
                                    round == repeat ? finished.incrementAndGet() : finished.get(), lessons.size(), clock(System.nanoTime() - start));
                            err.flush();
                        }
                        return mine;
                    }));
                }
                for (Future<List<LessonResult>> future : futures) {
                    results.addAll(future.get());
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        if (junitFile != null) {
            AtomicFile.write(junitFile, ReportFormat.JUNIT.render(results, false));
        }
        out.print(reportFormat.render(results, global.color()));
        boolean passed = results.stream().allMatch(LessonResult::passed);
        out.println(passed ? VerifySummary.line(results, lessons.size(), repeat, lessons.stream().anyMatch(Lesson::isDrill))
                : "verify: FAILED, see above");
        out.flush();
        return passed ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** "3:07": minutes and seconds of a long run. */
    private static String clock(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
