package dev.kubelessons.runner;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One incident drill in the terminal: sets up the healthy system and proves it healthy, injects one fault, starts the
 * clock, and watches until every check passes again; then prints the time to restore, the hints used and the
 * post-incident report. Keys are read a line at a time (h, c, s, q), so it works in any terminal and over a pipe.
 */
public final class DrillRun {

    /** How often every check, data-plane ones included, is evaluated while the incident lasts. */
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

    private final ClusterSession session;
    private final Lesson lesson;
    private final Fault fault;
    private final Terminal terminal;
    private final ProgressStore progress;
    private final Duration settleTimeout;
    private int hintsShown;

    public DrillRun(ClusterSession session, Lesson lesson, Fault fault, Terminal terminal, ProgressStore progress, Duration settleTimeout) {
        this.session = session;
        this.lesson = lesson;
        this.fault = fault;
        this.terminal = terminal;
        this.progress = progress;
        this.settleTimeout = settleTimeout;
    }

    /** Exit code: 0 when service was restored (by the learner or, on 's', by the runner) or the learner quit; 1 if the system never came up healthy. */
    public int run() {
        Sandbox sandbox = session.sandbox();
        String namespace = sandbox.namespace(lesson);
        terminal.prose(lesson.title() + "  ", "(drill, namespace " + namespace + ", cluster " + session.provider().name() + ")", "");
        terminal.println("Setting up the healthy system and proving it healthy...");
        sandbox.reset(lesson);
        CheckContext context = session.checkContext(lesson, sandbox);
        List<Verdict> healthy = LessonChecks.untilPassing(lesson, context, settleTimeout);
        if (!allRestored(healthy)) {
            terminal.println("The healthy system did not come up within " + settleTimeout.toSeconds() + " s, so there is nothing to break:");
            healthy.stream().filter(v -> v.status() != Status.PASS && v.status() != Status.SKIPPED)
                    .forEach(v -> terminal.println("  [" + label(v.status()) + "] " + v.check().info().title() + ": " + v.message()));
            terminal.println("Look at the pods with 'kubectl get pods -n " + namespace + "', then run the drill again.");
            return ExitCodes.CHECK_FAILED;
        }
        long skipped = healthy.stream().filter(v -> v.status() == Status.SKIPPED).count();
        terminal.println("Healthy: " + Counted.of(healthy.size() - skipped, "check") + " pass"
                + (skipped == 0 ? "." : "; " + skipped + " need a data plane and are skipped here."));

        session.solutions().performFault(lesson, fault.breaks(), namespace);
        long start = System.nanoTime();
        terminal.println("");
        terminal.prose("INCIDENT  ", fault.symptom(), "");
        terminal.prose("", "The clock runs. Work in another terminal (kubectl -n " + namespace + " ...); the drill ends when every check passes.", "");
        terminal.println("Keys + Enter:  h hint   c check now   s give up (runner restores)   q quit");

        BlockingQueue<String> keys = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            for (Optional<String> line = terminal.readLine(); line.isPresent(); line = terminal.readLine()) {
                keys.add(line.get());
            }
        }, "drill-keys");
        reader.setDaemon(true);
        reader.start();

        List<Verdict> caught = List.of();
        try (CheckWatcher watcher = new CheckWatcher(lesson.checks(), context, verdict -> keys.offer(""))) {
            boolean restoredByRunner = false;
            while (true) {
                List<Verdict> now = watcher.evaluateAll();
                if (caught.isEmpty() && !allRestored(now)) {
                    caught = now.stream().filter(v -> v.status() == Status.FAIL || v.status() == Status.ERROR).toList();
                }
                // The fault must have shown before a pass counts: right after the break, the cluster may not show it yet.
                if (!caught.isEmpty() && allRestored(now)) {
                    report(Duration.ofNanos(System.nanoTime() - start), caught, restoredByRunner);
                    if (!restoredByRunner) {
                        progress.record(lesson.id(), now.stream().filter(v -> v.status().passed()).map(Verdict::id).toList(),
                                new ProgressStore.Completion(true, false, (int) now.stream().filter(v -> v.status() == Status.SKIPPED).count(),
                                        session.provider().name()));
                    }
                    return ExitCodes.OK;
                }
                String key = keys.poll(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null || key.isEmpty()) {
                    continue;
                }
                switch (key) {
                    case "h" -> hint();
                    case "c" -> now.stream().filter(v -> v.status() != Status.SKIPPED)
                            .forEach(v -> terminal.println("  [" + label(v.status()) + "] " + v.check().info().title()));
                    case "s" -> {
                        terminal.prose("", "Restoring service the reference way" + fault.restores().node().map(node -> " (inside node " + node + ")").orElse("")
                                + ":", "");
                        terminal.println("  " + fault.restores().content().strip().replace("\n", "\n  "));
                        session.solutions().performFault(lesson, fault.restores(), namespace);
                        restoredByRunner = true;
                        if (caught.isEmpty()) {
                            caught = FaultChecks.catching(lesson, fault).stream().map(c -> Verdict.fail(c, "", "", "")).toList();
                        }
                    }
                    case "q" -> {
                        terminal.println("Left the incident as it is (the fault stays in " + namespace + "). Run the drill again to start a new one.");
                        return ExitCodes.OK;
                    }
                    default -> terminal.println("Keys: h hint, c check now, s give up, q quit");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    /** Each 'h' reveals the next of the fault's hints, then the catching checks' own hints, then says 's' restores it. */
    private void hint() {
        List<String> levels = new java.util.ArrayList<>(fault.hints());
        FaultChecks.catching(lesson, fault).forEach(c -> levels.add(c.info().hint()));
        if (hintsShown < levels.size()) {
            terminal.prose("Hint " + (hintsShown + 1) + " of " + levels.size() + ": ", levels.get(hintsShown), "  ");
            hintsShown++;
        } else {
            terminal.println("No more hints. Press s to have the runner restore service and show the report.");
        }
    }

    private void report(Duration elapsed, List<Verdict> caught, boolean byRunner) {
        terminal.println("");
        terminal.println(terminal.bold(byRunner ? "Service restored by the runner" : "Service restored") + " in " + clock(elapsed)
                + " (" + Counted.of(hintsShown, "hint") + " used)");
        terminal.println("Post-incident report");
        terminal.prose("  What broke:  ", fault.cause(), " ".repeat(15));
        terminal.prose("  Caught by:   ", String.join("; ", caught.stream().map(v -> v.check().info().title()).distinct().toList()), " ".repeat(15));
        terminal.println("  Shown by:    " + fault.shows());
        // A cluster-level fault's restore is a script inside a kind node: say which, so the learner can replay it with docker exec.
        terminal.println("  Reference fix" + fault.restores().node().map(node -> " (inside node " + node + ")").orElse("") + ": "
                + fault.restores().content().strip().replace("\n", "\n                 "));
        // The command on a line of its own: a wrap inside it would break a copy and paste.
        terminal.prose("", "Fault '" + fault.name() + "'. Another drill, with a fault at random:", "");
        terminal.println("  " + lesson.runCommand());
    }

    /** PASS everywhere a check could run: SKIPPED ones (no data plane) neither block nor prove a restore. */
    private static boolean allRestored(List<Verdict> verdicts) {
        return verdicts.stream().allMatch(v -> v.status() == Status.PASS || v.status() == Status.SKIPPED)
                && verdicts.stream().anyMatch(v -> v.status() == Status.PASS);
    }

    private static String label(Status status) {
        return switch (status) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case SKIPPED -> "SKIP";
            case ERROR -> "ERR";
        };
    }

    private static String clock(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
