package dev.kubelessons.runner;

import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.check.VerdictListener;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.map.MapBuilder;
import dev.kubelessons.map.MapText;
import dev.kubelessons.map.NamespaceMap;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code jbang lesson <id>}: the learner's session. It starts on the introduction, watches the cluster
 * and hands every change to a {@link LessonView}; keys act on the current step. Everything that talks
 * to the cluster runs off the key thread, on bounded calls, so no key waits on a cluster that went away;
 * a {@link ClusterWatchdog} says when it did and when it is back.
 */
public final class InteractiveLoop {

    public static final String KEYS = "h hint  s solution  f fast-forward  c check now  r reset  m map  n/Enter next  p previous  ? keys  q quit";
    /** What ? shows: every key, one a line, since a narrow screen's footer drops some. */
    static final String KEY_LIST = """
            - **h**: a hint (again for the next one)
            - **s**: the step's solution
            - **f**: fast-forward: the runner applies the step's solution
            - **c**: check now
            - **r**: reset the lesson to its start
            - **m**: a map of the lesson namespace
            - **n** or **Enter**: next step; **p**: previous step
            - **↑ ↓ PgUp PgDn Home End**: scroll
            - **?**: this list
            - **q**: quit (your progress is saved)
            """;

    private final ClusterSession session;
    private final Lesson lesson;
    private final ProgressStore progress;
    private final LessonView view;
    private final VerdictLedger ledger;
    private final Map<String, Verdict> shown = new ConcurrentHashMap<>();
    private final Set<Integer> fastForwarded = ConcurrentHashMap.newKeySet();
    private final AtomicReference<CheckWatcher> watcher = new AtomicReference<>();
    private final ClusterActions actions;
    private final Hints hints = new Hints();
    private Consumer<List<Verdict>> onProgress = verdicts -> { };
    private final List<SessionListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private LessonView.Header header;
    private ClusterWatchdog watchdog;
    private String clusterIdentity;
    /** -1 while the introduction is shown. */
    private volatile int stepIndex = -1;
    private volatile boolean complete;
    private String nextLesson;

    public InteractiveLoop(ClusterSession session, Lesson lesson, ProgressStore progress, LessonView view) {
        this.session = session;
        this.lesson = lesson;
        this.progress = progress;
        this.ledger = new VerdictLedger(lesson);
        this.view = new ListenedView(view, listeners);
        this.actions = new ClusterActions(this.view);
    }

    /** Also tells {@code listener} (the live page) every verdict, outage, step and note; add it before {@link #run()}. */
    public InteractiveLoop observedBy(SessionListener listener) {
        listeners.add(listener);
        return this;
    }

    /** What the {@code c} key does, asked for from elsewhere (the live page's button). */
    public void requestCheck() {
        actions.run("check", this::checkNow);
    }

    /** What the {@code r} key does, asked for from elsewhere. */
    public void requestReset() {
        actions.run("reset", this::reset);
    }

    /** What the {@code f} key does on step {@code number} (1-based), asked for from elsewhere. */
    public void requestFastForward(int number) {
        if (number < 1 || number > lesson.steps().size()) {
            throw new IllegalArgumentException("no step " + number + " in " + lesson.id());
        }
        actions.run("fast-forward", () -> fastForward(lesson.steps().get(number - 1)));
    }

    /**
     * Also hands every new set of verdicts to {@code sink} (a workshop board), on a thread of its
     * own so a slow or unreachable board never holds up the learner's terminal.
     */
    public InteractiveLoop reportingTo(Consumer<List<Verdict>> sink) {
        ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kubelessons-report");
            thread.setDaemon(true);
            return thread;
        });
        this.onProgress = verdicts -> sender.execute(() -> sink.accept(verdicts));
        return this;
    }

    /** The prerequisite the learner chose to go to with {@code g}, once {@link #run()} has returned. */
    public Optional<String> nextLesson() {
        return Optional.ofNullable(nextLesson);
    }

    /** Runs until the learner quits (exit 0: quitting is a choice, not a failure) or input ends. */
    public int run() {
        boolean created = session.sandbox().ensure(lesson);
        header = new LessonView.Header(lesson, session.provider().name(), session.sandbox().namespace(lesson), created,
                KubectlSetup.forShell(session.access()).orElse(""));
        clusterIdentity = ClusterIdentity.of(session.client()).orElse(null);
        Map<String, String> missing = Prerequisites.missing(lesson, progress);
        view.introduction(header, missing);
        watchdog = new ClusterWatchdog(session.probeClient(), new ClusterWatchdog.Listener() {
            public void away(String banner) {
                view.outage(Optional.of(banner));
            }

            public void back(Duration awayFor) {
                onClusterBack(awayFor);
            }
        }, Clock.systemUTC(), nextStepWhenAway()).start();
        actions.watchedBy(watchdog);
        actions.background("watching the cluster", this::startWatching);
        if (!view.introductionWaitsForKey()) {
            move(1);
        }
        try {
            while (true) {
                Optional<String> key = view.nextKey();
                if (key.isEmpty() || key.get().equals("q")) {
                    view.note("Bye. Your progress is saved; come back with: " + lesson.runCommand());
                    return ExitCodes.OK;
                }
                if (key.get().equals("g") && stepIndex < 0 && !missing.isEmpty()) {
                    nextLesson = missing.keySet().iterator().next();
                    return ExitCodes.OK;
                }
                handle(key.get());
            }
        } finally {
            actions.close();
            watchdog.close();
            CheckWatcher current = watcher.getAndSet(null);
            if (current != null) {
                current.close();
            }
        }
    }

    /** What brings the cluster back: our own kind or kwok cluster the learner can restart; a context's, its owner. */
    private String nextStepWhenAway() {
        String provider = session.provider().name();
        return provider.equals("kind") || provider.equals("kwok")
                ? Launcher.command("cluster status") + ", then " + Launcher.command("cluster up --provider " + provider)
                : "check the cluster your context points to (kubectl cluster-info), then start the lesson again";
    }

    private void handle(String key) {
        if (stepIndex < 0 && List.of("h", "s", "f").contains(key)) {
            view.note("This is the introduction: press Enter (or n) to start the first step.");
            return;
        }
        switch (key) {
            case "h" -> hints.next(currentStep(), stepVerdicts(currentStep()), view);
            case "s" -> hints.solution(currentStep(), view);
            case "f" -> actions.run("fast-forward", () -> fastForward(currentStep()));
            case "c" -> actions.run("check", this::checkNow);
            case "r" -> actions.run("reset", this::reset);
            case "m" -> showMap();
            case "?" -> view.reveal("Keys", KEY_LIST);
            case "n", "" -> move(1);
            case "p" -> move(-1);
            default -> view.note("keys: " + KEYS);
        }
    }

    private void fastForward(Step step) {
        view.note("Applying the solution of step " + step.number() + "…");
        fastForwarded.add(step.number());
        session.solutions().solve(lesson, step, header.namespace());
        view.note("Applied the solution of step " + step.number() + "; the checks follow as the cluster settles.");
        evaluateAll();
    }

    /** The lesson namespace as the watch sees it now, with the paths the checks probed; empty until the watch has started. */
    public Optional<NamespaceMap> namespaceMap() {
        CheckWatcher current = watcher.get();
        return current == null ? Optional.empty()
                : Optional.of(new MapBuilder(current::objects).build(session.sandbox().namespace(lesson), ledger.all()));
    }

    private void showMap() {
        Optional<NamespaceMap> map = namespaceMap();
        if (map.isEmpty()) {
            view.note("The map needs the watch on the cluster, which has not started yet.");
            return;
        }
        // A prose fence: the map is sentences and names, which must wrap at spaces, not mid-word like code.
        view.reveal("Map of namespace " + map.get().namespace(), "```" + LessonView.PROSE_FENCE + "\n"
                + String.join("\n", MapText.lines(map.get())) + "\n```");
    }

    private void checkNow() {
        view.note("Checking…");
        evaluateAll();
        Step step = currentStep();
        List<Verdict> verdicts = stepVerdicts(step);
        view.note("Checked at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ": " + Tally.of(verdicts) + ".");
    }

    private void reset() {
        view.note("Resetting " + header.namespace() + "…");
        session.sandbox().reset(lesson);
        progress.forget(lesson.id());
        fastForwarded.clear();
        complete = false;
        stepIndex = 0;
        hints.forget();
        listeners.forEach(l -> l.currentStep(1));
        evaluateAll();
        showStep();
        view.note("The lesson is back at its start: namespace " + header.namespace() + " holds only its setup.");
    }

    private void startWatching() {
        try {
            CheckWatcher started = new CheckWatcher(lesson.checks(), session.checkContext(lesson), new VerdictListener() {
                public void onVerdict(Verdict verdict) {
                    InteractiveLoop.this.onVerdict(verdict);
                }

                public void onObjectsChanged() {
                    listeners.forEach(SessionListener::mapChanged);
                }

                public void onWatchProblem(String message) {
                    watchdog.suspect();
                }
            }, NamespaceMap.KINDS);
            watcher.set(started);
            listeners.forEach(SessionListener::mapChanged);
            evaluateAll();
        } catch (RuntimeException e) {
            view.note("Could not watch the cluster yet (" + e.getMessage() + "); trying again once it answers.");
            watchdog.suspect();
        }
    }

    private void evaluateAll() {
        CheckWatcher current = watcher.get();
        // While the cluster is away every call would only wait for its timeout; the watchdog re-runs them on its return.
        if (current != null && watchdog.awaySince().isEmpty()) {
            long before = current.deliveries();
            current.evaluateAll().forEach(this::onVerdict);
            // A change seen by the watch while these were computed (the learner applied something just as they
            // pressed c) must not be overwritten by an answer computed before it: the watch's own latest come last.
            if (current.deliveries() != before) {
                current.latest().values().forEach(this::onVerdict);
            }
        }
    }

    private void onClusterBack(Duration awayFor) {
        view.outage(Optional.empty());
        view.note("The cluster answers again (away " + awayFor.toSeconds() + " s); checks re-run.");
        String identity = ClusterIdentity.of(session.client()).orElse(null);
        if (clusterIdentity != null && identity != null && !identity.equals(clusterIdentity)) {
            view.note("This is not the cluster the lesson started on (it was re-created: kube-system has a new UID)."
                    + " Press r to set the lesson up again.");
            clusterIdentity = identity;
        }
        actions.background("catching up", () -> {
            if (watcher.get() == null) {
                startWatching();
            } else {
                evaluateAll();
            }
        });
    }

    private void move(int delta) {
        int next = stepIndex + delta;
        if (next < -1) {
            view.note("This is the introduction, the lesson's first screen.");
            return;
        }
        if (stepIndex < 0 && delta > 0) {
            next = ledger.firstUnfinishedStep();
        }
        if (next >= lesson.steps().size()) {
            view.note("This is the last step. q to quit; '" + lesson.runCommand().replace(lesson.id(), "list") + "' shows what comes next.");
            return;
        }
        stepIndex = next;
        hints.forget();
        int shownNumber = next + 1;
        listeners.forEach(l -> l.currentStep(shownNumber));
        if (next < 0) {
            view.introduction(header, Prerequisites.missing(lesson, progress));
        } else {
            showStep();
        }
    }

    private synchronized void showStep() {
        Step step = currentStep();
        List<Verdict> verdicts = stepVerdicts(step);
        shown.clear();
        verdicts.forEach(v -> shown.put(v.id(), v));
        view.step(header, step, verdicts);
    }

    /** Every new verdict: shown if it concerns this step and says something new; progress recorded; completion announced. */
    private synchronized void onVerdict(Verdict verdict) {
        Verdict before = ledger.put(verdict);
        boolean statusChanged = before == null || before.status() != verdict.status();
        if (stepIndex >= 0 && currentStep().checks().stream().anyMatch(c -> c.info().id().equals(verdict.id()))) {
            Verdict onScreen = shown.get(verdict.id());
            if (onScreen == null || onScreen.status() != verdict.status() || !onScreen.message().equals(verdict.message())) {
                boolean stepWasDone = VerdictLedger.done(currentStep(), shown);
                shown.put(verdict.id(), verdict);
                view.verdict(verdict);
                if (!stepWasDone && VerdictLedger.done(currentStep(), shown) && ledger.done(currentStep()) && !ledger.lessonDone()) {
                    view.note(Completions.step(currentStep(), VerdictLedger.skipped(currentStep(), shown)));
                }
            }
        }
        if (statusChanged) {
            onProgress.accept(ledger.all());
        }
        // Listeners (the live page) get every change, an actual value included: their stream is --check's JSON, which
        // carries it, and a page that kept an older actual would disagree with --check.
        if (!verdict.equals(before)) {
            List<Verdict> all = ledger.all();
            listeners.forEach(l -> l.verdicts(all));
        }
        if (verdict.status() == Status.PASS && statusChanged) {
            boolean nowComplete = ledger.lessonDone();
            // Opened after --solve, the session sees every check pass without the learner doing anything: still the runner's.
            progress.record(lesson.id(), List.of(verdict.id()), nowComplete ? progress.observed(lesson.id(), completion()) : ProgressStore.Completion.NOT_YET);
            if (nowComplete && !complete) {
                complete = true;
                view.note(Completions.message(lesson, completion(), header.cluster()));
            }
        }
    }

    private ProgressStore.Completion completion() {
        return new ProgressStore.Completion(true, !fastForwarded.isEmpty(), ledger.unproven(), header.cluster());
    }

    private Step currentStep() {
        return lesson.steps().get(Math.max(0, stepIndex));
    }

    private List<Verdict> stepVerdicts(Step step) {
        return ledger.of(step);
    }
}
