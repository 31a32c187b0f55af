package dev.kubelessons.runner;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.check.VerdictListener;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.KubelessonsException;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.report.TextReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code jbang lesson <id>}: shows a step, watches the cluster, and prints a check's new mark
 * the moment it changes. One-letter commands (then Enter) for hint, solution, reset, next, previous, quit.
 */
public final class InteractiveLoop {

    static final String KEYS = "keys: [h]int  [s]how solution  [f]ast-forward step  [c]heck now  [r]eset  [n]ext  [p]revious  [q]uit";

    private final ClusterSession session;
    private final Lesson lesson;
    private final ProgressStore progress;
    private final Terminal terminal;
    private final StepView view;
    private final TextReport marks;
    private final Map<String, Verdict> latest = new ConcurrentHashMap<>();
    private volatile int stepIndex;
    private Consumer<List<Verdict>> onProgress = verdicts -> { };

    public InteractiveLoop(ClusterSession session, Lesson lesson, ProgressStore progress, Terminal terminal) {
        this.session = session;
        this.lesson = lesson;
        this.progress = progress;
        this.terminal = terminal;
        this.view = new StepView(terminal);
        this.marks = new TextReport(terminal.color());
    }

    /**
     * Also hands every new set of verdicts to {@code sink} (a workshop board), on a thread of its
     * own so a slow or unreachable board never holds up the learner's terminal.
     */
    public InteractiveLoop reportingTo(Consumer<List<Verdict>> sink) {
        java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kubelessons-report");
            thread.setDaemon(true);
            return thread;
        });
        this.onProgress = verdicts -> sender.execute(() -> sink.accept(verdicts));
        return this;
    }

    public int run() {
        boolean created = session.sandbox().ensure(lesson);
        String namespace = session.sandbox().namespace(lesson);
        terminal.println(terminal.bold(lesson.title()) + "  (" + lesson.durationMinutes() + " min, namespace " + namespace
                + (created ? ", just created" : "") + ", cluster " + session.provider().name() + ")");
        lesson.objectives().forEach(o -> terminal.println("  - " + o));
        CheckContext context = session.checkContext(lesson);
        CheckWatcher[] current = new CheckWatcher[1];
        ReconnectMonitor reconnect = new ReconnectMonitor(session.client(), terminal::println,
                () -> current[0].evaluateAll().forEach(this::onVerdictIfChanged));
        VerdictListener listener = new VerdictListener() {
            public void onVerdict(Verdict verdict) {
                InteractiveLoop.this.onVerdict(verdict);
            }

            public void onWatchProblem(String message) {
                reconnect.lost(message);
            }
        };
        try (CheckWatcher watcher = new CheckWatcher(lesson.checks(), context, listener)) {
            current[0] = watcher;
            watcher.evaluateAll().forEach(v -> latest.put(v.id(), v));
            stepIndex = firstUnfinishedStep();
            showStep();
            while (true) {
                Optional<String> line = terminal.readLine();
                if (line.isEmpty() || line.get().equals("q")) {
                    terminal.println("Bye. Your progress is saved; come back with: " + lesson.runCommand());
                    return allPass() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
                }
                try {
                    handle(line.get(), watcher, namespace);
                } catch (KubelessonsException e) {
                    terminal.println("error: " + e.getMessage() + (e.nextStep() == null ? "" : "\n  next: " + e.nextStep()));
                }
            }
        }
    }

    private void handle(String key, CheckWatcher watcher, String namespace) {
        Step step = lesson.steps().get(stepIndex);
        switch (key) {
            case "h" -> view.hints(step);
            case "s" -> view.solution(step);
            case "f" -> {
                terminal.println("Applying the solution of step " + step.number() + "...");
                session.solutions().solve(lesson, step, namespace);
            }
            case "c" -> {
                watcher.evaluateAll().forEach(v -> latest.put(v.id(), v));
                printMarks(step);
            }
            case "r" -> {
                terminal.println("Resetting " + namespace + "...");
                session.sandbox().reset(lesson);
                progress.forget(lesson.id());
                stepIndex = 0;
                showStep();
            }
            case "n", "" -> move(1);
            case "p" -> move(-1);
            default -> terminal.println(KEYS);
        }
    }

    private void move(int delta) {
        int next = stepIndex + delta;
        if (next < 0 || next >= lesson.steps().size()) {
            terminal.println(next < 0 ? "This is the first step." : "This is the last step. [q] to quit, or try another lesson: jbang lesson list");
            return;
        }
        stepIndex = next;
        showStep();
    }

    private void showStep() {
        Step step = lesson.steps().get(stepIndex);
        view.show(lesson, step, session.sandbox().namespace(lesson));
        printMarks(step);
        terminal.println(terminal.dim(KEYS));
    }

    private void printMarks(Step step) {
        for (var check : step.checks()) {
            Verdict verdict = latest.get(check.info().id());
            if (verdict != null) {
                terminal.println(marks.line(verdict).stripTrailing());
            }
        }
    }

    private void onVerdictIfChanged(Verdict verdict) {
        Verdict before = latest.get(verdict.id());
        if (before == null || before.status() != verdict.status() || !before.message().equals(verdict.message())) {
            onVerdict(verdict);
        }
    }

    /** Called by the watcher on every change: print it if it concerns this step, record progress, celebrate. */
    private synchronized void onVerdict(Verdict verdict) {
        Step step = lesson.steps().get(stepIndex);
        boolean stepWasDone = stepDone(step);
        Verdict before = latest.put(verdict.id(), verdict);
        boolean onThisStep = step.checks().stream().anyMatch(c -> c.info().id().equals(verdict.id()));
        if (onThisStep) {
            terminal.println(marks.line(verdict).stripTrailing());
        }
        if (before == null || before.status() != verdict.status()) {
            onProgress.accept(lesson.checks().stream().map(c -> latest.get(c.info().id())).filter(java.util.Objects::nonNull).toList());
        }
        if (verdict.status() == Status.PASS && (before == null || before.status() != Status.PASS)) {
            progress.record(lesson.id(), List.of(verdict.id()), allPass());
            // Announce only the change that completes this step, not every later pass of a done step.
            if (onThisStep && !stepWasDone && stepDone(step)) {
                terminal.println(terminal.bold("Step " + step.number() + " done!") + (stepIndex + 1 < lesson.steps().size()
                        ? " Press n (Enter) for the next step." : " Lesson complete. q to quit."));
            }
        }
    }

    private boolean stepDone(Step step) {
        return step.checks().stream().map(c -> latest.get(c.info().id()))
                .allMatch(v -> v != null && (v.status() == Status.PASS || v.status() == Status.SKIPPED));
    }

    private boolean allPass() {
        return lesson.steps().stream().allMatch(this::stepDone);
    }

    private int firstUnfinishedStep() {
        for (int i = 0; i < lesson.steps().size(); i++) {
            if (!stepDone(lesson.steps().get(i))) {
                return i;
            }
        }
        return 0;
    }
}
