package dev.kubelessons.instructor;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckEvaluator;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.check.VerdictListener;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.Ownership;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The instructor's own evaluation of every attendee (the source of truth): watches the workshop's lesson namespaces and
 * runs one CheckWatcher per namespace while it exists, so a reset (namespace deleted and recreated) restarts it by itself.
 */
public final class ClusterProgress implements AutoCloseable {

    private final KubernetesClient client;
    private final Board board;
    private final Function<String, CheckContext> contexts;
    private final CheckEvaluator evaluator = new CheckEvaluator();
    private final ExecutorService starters;
    private final Map<String, Watching> watching = new ConcurrentHashMap<>();
    private SharedIndexInformer<Namespace> namespaces;

    /** One attendee's lesson namespace under watch; {@code closed} tells a late starter its namespace is gone. */
    private static final class Watching {
        final AtomicBoolean closed = new AtomicBoolean();
        volatile CheckWatcher watcher;
    }

    public ClusterProgress(KubernetesClient client, Board board, Function<String, CheckContext> contexts, int parallel) {
        this.client = client;
        this.board = board;
        this.contexts = contexts;
        this.starters = Executors.newFixedThreadPool(parallel, daemon("kubelessons-board-watch"));
    }

    /** Lists the workshop's namespaces, then follows them; returns once the first list is in. */
    public void start() {
        namespaces = client.namespaces().withLabelSelector(WorkshopNames.ALL_SELECTOR + "," + WorkshopNames.SPACE + "=lesson")
                .inform(new ResourceEventHandler<>() {
                    public void onAdd(Namespace ns) { changed(ns); }
                    public void onUpdate(Namespace before, Namespace after) { changed(after); }
                    public void onDelete(Namespace ns, boolean unknown) { stop(ns, true); }
                }, 0);
    }

    public int watched() {
        return (int) watching.values().stream().filter(w -> w.watcher != null).count();
    }

    private void changed(Namespace ns) {
        if (ns.getMetadata().getDeletionTimestamp() != null) {
            stop(ns, true);
            return;
        }
        String name = ns.getMetadata().getName();
        Optional<Lesson> lesson = lessonOf(ns);
        String attendee = WorkshopNames.attendeeOf(ns);
        if (lesson.isEmpty() || watching.containsKey(name)) {
            return;
        }
        board.addAttendee(attendee);
        Watching entry = new Watching();
        watching.put(name, entry);
        starters.execute(() -> begin(name, attendee, lesson.get(), entry));
    }

    private void begin(String namespace, String attendee, Lesson lesson, Watching entry) {
        if (entry.closed.get()) {
            return;
        }
        CheckContext context = contexts.apply(namespace);
        board.clear(attendee, lesson.id());
        for (CheckSpec check : lesson.checks()) {
            if (check.needsDataPlane() && !context.hasDataPlane()) {
                board.record(attendee, lesson.id(), check.info().id(), "SKIPPED", context.noDataPlaneReason().orElse(""), "cluster", true);
            }
        }
        Set<String> seen = new HashSet<>();
        AtomicBoolean probing = new AtomicBoolean();
        CheckWatcher watcher = new CheckWatcher(lesson.checks(), context, new VerdictListener() {
            @Override
            public void onVerdict(Verdict verdict) {
                board.record(attendee, lesson.id(), verdict.id(), verdict.status().name(), verdict.message(), "cluster", seen.add(verdict.id()));
                if (context.hasDataPlane() && resourceChecksPass(attendee, lesson) && probing.compareAndSet(false, true)) {
                    starters.execute(() -> probe(attendee, lesson, context, probing));
                }
            }

            @Override
            public void onWatchProblem(String message) {
                board.problem(attendee, lesson.id(), message);
            }
        });
        entry.watcher = watcher;
        if (entry.closed.get()) {
            watcher.close();
        }
    }

    /** Data-plane checks start probe pods, so they run only once the resources are right, and one batch at a time per cell. */
    private void probe(String attendee, Lesson lesson, CheckContext context, AtomicBoolean probing) {
        try {
            for (CheckSpec check : lesson.checks()) {
                if (check.needsDataPlane()) {
                    Verdict verdict = evaluator.evaluate(check, context);
                    board.record(attendee, lesson.id(), verdict.id(), verdict.status().name(), verdict.message(), "cluster", false);
                }
            }
        } finally {
            probing.set(false);
        }
    }

    private boolean resourceChecksPass(String attendee, Lesson lesson) {
        return board.rows().getOrDefault(attendee, java.util.List.of()).stream().filter(v -> v.lesson().equals(lesson.id()))
                .flatMap(v -> v.checks().stream())
                .filter(row -> lesson.checks().stream().anyMatch(c -> c.info().id().equals(row.id()) && !c.needsDataPlane()))
                .allMatch(CheckRow::passed);
    }

    private void stop(Namespace ns, boolean clear) {
        Watching entry = watching.remove(ns.getMetadata().getName());
        if (entry == null) {
            return;
        }
        entry.closed.set(true);
        CheckWatcher watcher = entry.watcher;
        if (watcher != null) {
            starters.execute(watcher::close);
        }
        lessonOf(ns).ifPresent(lesson -> {
            if (clear) {
                board.clear(WorkshopNames.attendeeOf(ns), lesson.id());
            }
        });
    }

    private Optional<Lesson> lessonOf(Namespace ns) {
        var labels = ns.getMetadata().getLabels();
        return labels == null || !Ownership.OWNER.equals(labels.get(Ownership.MANAGED_BY)) || WorkshopNames.attendeeOf(ns) == null
                ? Optional.empty() : board.lesson(labels.get(Ownership.LESSON));
    }

    @Override
    public void close() {
        if (namespaces != null) {
            namespaces.close();
        }
        watching.values().forEach(w -> {
            w.closed.set(true);
            if (w.watcher != null) {
                w.watcher.close();
            }
        });
        starters.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
