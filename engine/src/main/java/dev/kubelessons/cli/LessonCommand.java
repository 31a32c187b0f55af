package dev.kubelessons.cli;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.check.CelExpressions;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.instructor.ProgressReporter;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.report.LessonResult;
import dev.kubelessons.report.ReportFormat;
import dev.kubelessons.runner.ClusterPreconnect;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.DrillRun;
import dev.kubelessons.runner.FaultChoice;
import dev.kubelessons.runner.InteractiveLoop;
import dev.kubelessons.runner.LessonChecks;
import dev.kubelessons.runner.ProgressStore;
import dev.kubelessons.runner.LessonView;
import dev.kubelessons.runner.Terminal;
import dev.kubelessons.tui.FullScreenView;
import dev.kubelessons.tui.PlainView;
import dev.kubelessons.check.Status;
import dev.kubelessons.failure.UserInputException;
import java.util.Optional;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jbang lesson}: with a lesson id, runs that lesson (interactive, --check or --solve); otherwise a subcommand. */
@Command(name = "lesson", mixinStandardHelpOptions = true, version = "kubelessons 0.1.0",
        description = "Interactive Kubernetes lessons of the course in this folder (course.yaml), checked live against your cluster.")
// Subcommands: CommandTree adds them (a full model only for the one the arguments name).
public final class LessonCommand implements Callable<Integer> {

    /** How long --solve waits for the cluster to settle (rollouts, endpoints) before reporting. */
    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<id>", description = "Lesson id, e.g. 03-clusterip.")
    String lessonId;

    @Option(names = "--check", description = "Run the checks once and exit: 0 all pass, 1 a check failed.")
    boolean check;

    @Option(names = "--solve", description = "Apply the reference solution, then check.")
    boolean solve;

    @Option(names = "--format", paramLabel = "text|json|junit", defaultValue = "text", description = "Output of --check and --solve (default: text).")
    String format;

    @Option(names = "--report-to", paramLabel = "URL", description = "Workshop: also post the verdicts of --check/--solve to the instructor's board at URL.")
    String reportTo;

    @Option(names = "--fault", paramLabel = "NAME", description = "Drills: inject this fault instead of one at random.")
    String fault;

    @Option(names = "--web", description = "Also serve the lesson page on 127.0.0.1 with the checks live (opens the browser unless --no-open).")
    boolean web;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port for --web (default: a free one).")
    int port;

    @Option(names = "--no-open", description = "With --web: print the page's address, do not open a browser.")
    boolean noOpen;

    @Option(names = "--token", paramLabel = "T", description = "Workshop: your report token from the instructor (with --report-to).")
    String reportToken;

    @Override
    public Integer call() {
        if (lessonId == null && (check || solve)) {
            throw new UserInputException((check ? "--check" : "--solve") + " needs a lesson id",
                    "name one, e.g. '" + Launcher.command("03-clusterip " + (check ? "--check" : "--solve")) + "'; '" + Launcher.command("list") + "' shows them all");
        }
        if (lessonId == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCodes.BAD_INPUT;
        }
        WebOptions.check(web, port, noOpen, check || solve);
        ReportFormat reportFormat = ReportFormat.parse(format);
        ProgressReporter reporter = reportTo == null ? null : new ProgressReporter(reportTo, reportToken);
        if (!(check || solve) || web) {
            return run(reportFormat, reporter, null);
        }
        // While the lesson is read and linted, connect to the cluster on a thread of its own: one after the other they
        // were most of a warm --check's wall time (bench/RESULTS.md).
        try (ClusterPreconnect early = ClusterPreconnect.start(global.cluster())) {
            return run(reportFormat, reporter, early);
        }
    }

    /** The lesson's run; {@code early} is connecting to the cluster meanwhile when the command checks once (--check, --solve). */
    private int run(ReportFormat reportFormat, ProgressReporter reporter, ClusterPreconnect early) {
        Lesson lesson = new LessonLookup(global.layout()).lesson(lessonId);
        // Before the cluster is touched: an unwritable state dir must not be found after --solve has applied the solution.
        ProgressStore progress = ProgressStore.forUser().requireWritable();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (fault != null && !lesson.isDrill()) {
            throw new UserInputException("--fault is for drills, and " + lesson.id() + " is not one", "drop --fault, or run a drill such as 12-checkout-drill");
        }
        if (web && lesson.isDrill()) {
            throw new UserInputException("--web does not run drills: " + lesson.id() + " is one, and runs in the terminal against the clock",
                    "drop --web: '" + Launcher.command(lesson.id()) + "'");
        }
        if (web) {
            return new WebTutor(global, port, !noOpen).run(lesson, progress, reporter, out, err);
        }
        if (!check && !solve && lesson.isDrill()) {
            return drill(lesson, progress, err);
        }
        if (!check && !solve) {
            return interactive(lesson, progress, reporter, out, err);
        }
        if (early.connecting()) {
            // This thread would only wait for the cluster: it compiles the lesson's CEL checks meanwhile. (A warm-up
            // thread started with the command competed with the connection for the two cores, and compiled a sample.)
            new CelExpressions().compileAhead(lesson.checks().stream()
                    .filter(CheckSpec.Cel.class::isInstance).map(check -> ((CheckSpec.Cel) check).expression()).toList());
        }
        try (ClusterSession session = early.open(lesson, err)) {
            boolean created = session.sandbox().ensure(lesson);
            if (created) {
                err.println("namespace " + session.sandbox().namespace(lesson) + " created, setup applied");
            }
            long start = System.nanoTime();
            List<Verdict> verdicts;
            if (solve) {
                session.solutions().solve(lesson, session.sandbox().namespace(lesson));
                verdicts = LessonChecks.untilPassing(lesson, session.checkContext(lesson), SETTLE_TIMEOUT);
            } else {
                verdicts = LessonChecks.now(lesson, session.checkContext(lesson));
            }
            LessonResult result = new LessonResult(lesson.id(), lesson.title(), verdicts, Duration.ofNanos(System.nanoTime() - start));
            int unproven = (int) verdicts.stream().filter(v -> v.status() == Status.SKIPPED).count();
            // A --check sees the cluster, not who changed it: after --solve the lesson stays solved by the runner.
            progress.record(lesson.id(), verdicts.stream().filter(v -> v.status().passed()).map(Verdict::id).toList(),
                    progress.observed(lesson.id(), new ProgressStore.Completion(result.passed(), solve, unproven, session.provider().name())));
            out.print(reportFormat.render(List.of(result), global.color()));
            out.flush();
            String note = reporter == null ? null : reporter.report(lesson.id(), lesson.title(), verdicts);
            if (note != null) {
                err.println("report: " + note);
            }
            if (solve && result.passed()) {
                err.println("progress: " + lesson.id() + " recorded as solved by the runner, not by you");
            }
            return result.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    /** A drill: the healthy system, one fault (named or at random among those this cluster can show), the clock, the report. */
    private int drill(Lesson lesson, ProgressStore progress, PrintWriter err) {
        try (ClusterSession session = ClusterSession.openInteractive(global.cluster(), lesson, err)) {
            boolean dataPlane = session.provider().hasDataPlane();
            Fault chosen = FaultChoice.pick(lesson, Optional.ofNullable(fault), dataPlane, session.noClusterLevelFaults(lesson),
                    new java.security.SecureRandom());
            List<String> left = FaultChoice.skippedWithoutDataPlane(lesson);
            if (!dataPlane && fault == null && !left.isEmpty()) {
                err.println("note: " + session.provider().name() + " has no data plane, so " + left.size() + " of " + lesson.faults().size()
                        + " faults are left out of the draw (" + String.join(", ", left) + "); run on kind for all of them");
                err.flush();
            }
            Terminal terminal = Terminal.system(global.color());
            terminal = dev.kubelessons.tui.TerminalProse.forThisTerminal(global.color()).map(terminal::withProse).orElse(terminal);
            return new DrillRun(session, lesson, chosen, terminal, progress, SETTLE_TIMEOUT).run();
        }
    }

    /**
     * The interactive session: the full screen on a terminal, plain lines otherwise. {@code g} on the introduction
     * moves to a prerequisite in the same session; the screen is left before any error is printed.
     */
    private int interactive(Lesson first, ProgressStore progress, ProgressReporter reporter, PrintWriter out, PrintWriter err) {
        try (ClusterSession session = ClusterSession.openInteractive(global.cluster(), first, err)) {
            Lesson lesson = first;
            while (true) {
                Optional<FullScreenView> screen = FullScreenView.open(global.color());
                InteractiveLoop loop;
                int code;
                try (LessonView view = screen.<LessonView>map(s -> s).orElseGet(() -> new PlainView(Terminal.system(global.color() && colorTerminal())))) {
                    loop = new InteractiveLoop(session, lesson, progress, view);
                    Lesson reported = lesson;
                    if (reporter != null) {
                        loop.reportingTo(verdicts -> reporter.report(reported.id(), reported.title(), verdicts));
                    }
                    code = loop.run();
                }
                Optional<String> next = loop.nextLesson();
                if (next.isEmpty()) {
                    if (screen.isPresent()) {
                        out.println("Your progress is saved; come back with: " + lesson.runCommand());
                        out.flush();
                    }
                    return code;
                }
                Lesson following = new LessonLookup(global.layout()).lesson(next.get());
                if (!following.cluster().equals(first.cluster())) {
                    // another cluster (a lesson's own kind cluster, or the course's): a session of its own
                    out.println(following.id() + " runs on another cluster; start it with: " + following.runCommand());
                    out.flush();
                    return code;
                }
                lesson = following;
            }
        }
    }

    /** Colour for plain lines only on a terminal that shows it: not into a pipe or file, not with TERM=dumb. */
    private static boolean colorTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb");
    }
}
