package dev.kubelessons.instructor;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckEvaluator;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.Ownership;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The instructor's own evaluation of every attendee (the source of truth): watches the workshop's lesson namespaces and
 * runs one {@link LessonWatch} per namespace while it exists, so a reset (namespace deleted and recreated) restarts it by
 * itself. A {@link ClusterProbe} tells the board when the cluster goes away, and has every cell catch up once it is back.
 */
public final class ClusterProgress implements AutoCloseable {

    private final KubernetesClient client;
    private final Board board;
    private final Function<String, CheckContext> contexts;
    /** How long a new lesson namespace's setup may take to settle (pods pulled and ready on kind) before changes are the attendee's. */
    static final Duration SETTLE = Duration.ofSeconds(60);

    private final CheckEvaluator evaluator = new CheckEvaluator();
    private final ExecutorService starters;
    private final Map<String, LessonWatch> watching = new ConcurrentHashMap<>();
    private final ClusterProbe probe;
    private SharedIndexInformer<Namespace> namespaces;

    public ClusterProgress(KubernetesClient client, Board board, Function<String, CheckContext> contexts, int parallel, PrintWriter log) {
        this.client = client;
        this.board = board;
        this.contexts = contexts;
        this.starters = Executors.newFixedThreadPool(parallel, daemon("kubelessons-board-watch"));
        this.probe = new ClusterProbe(client, board, Clock.systemDefaultZone(), this::catchUp, log);
    }

    /** Lists the workshop's namespaces, then follows them; returns once the first list is in. */
    public void start() {
        namespaces = client.namespaces().withLabelSelector(WorkshopNames.ALL_SELECTOR + "," + WorkshopNames.SPACE + "=lesson")
                .inform(new ResourceEventHandler<>() {
                    public void onAdd(Namespace ns) { changed(ns); }
                    public void onUpdate(Namespace before, Namespace after) { changed(after); }
                    public void onDelete(Namespace ns, boolean unknown) { stop(ns); }
                }, 0);
        // inform() returns once the first list is in, but hands its events to the handler on another thread: without this,
        // the caller (serve) counted the attendees and wrote their report tokens while half of them were still on the way.
        namespaces.getStore().list().forEach(this::changed);
        probe.start();
    }

    public int watched() {
        return (int) watching.values().stream().filter(LessonWatch::started).count();
    }

    private synchronized void changed(Namespace ns) {
        if (ns.getMetadata().getDeletionTimestamp() != null) {
            stop(ns);
            return;
        }
        String name = ns.getMetadata().getName();
        Optional<Lesson> lesson = lessonOf(ns);
        String attendee = WorkshopNames.attendeeOf(ns);
        if (lesson.isEmpty() || watching.containsKey(name)) {
            return;
        }
        board.addClusterAttendee(attendee);
        creation(ns).ifPresent(created -> board.quietUntil(attendee, lesson.get().id(), created.plus(SETTLE)));
        LessonWatch watch = new LessonWatch(attendee, lesson.get(), contexts.apply(name), board, evaluator, starters, probe::suspect);
        watching.put(name, watch);
        run(watch::begin);
    }

    /** The cluster is back: every cell catches up, on the pool, so a slow namespace holds up no other. */
    private void catchUp() {
        watching.values().forEach(watch -> run(watch::catchUp));
    }

    private synchronized void stop(Namespace ns) {
        LessonWatch watch = watching.remove(ns.getMetadata().getName());
        String attendee = WorkshopNames.attendeeOf(ns);
        if (watch != null) {
            watch.close(false);
            lessonOf(ns).ifPresent(lesson -> board.clear(attendee, lesson.id()));
        }
        if (attendee != null && board.onCluster(attendee) && watching.values().stream().noneMatch(w -> w.attendee().equals(attendee))
                && homeGone(attendee)) {
            board.removeAttendee(attendee); // torn down: a reset deletes a lesson namespace, never the home
        }
    }

    private boolean homeGone(String attendee) {
        try {
            Namespace home = client.namespaces().withName(WorkshopNames.home(attendee)).get();
            return home == null || home.getMetadata().getDeletionTimestamp() != null;
        } catch (RuntimeException e) {
            return false; // cannot tell (a blip): keep the row; the next deletion event asks again
        }
    }

    private static Optional<Instant> creation(Namespace ns) {
        try {
            return Optional.ofNullable(ns.getMetadata().getCreationTimestamp()).map(Instant::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void run(Runnable task) {
        try {
            starters.execute(task);
        } catch (RejectedExecutionException e) {
            // Closed: the board is stopping.
        }
    }

    private Optional<Lesson> lessonOf(Namespace ns) {
        var labels = ns.getMetadata().getLabels();
        return labels == null || !Ownership.OWNER.equals(labels.get(Ownership.MANAGED_BY)) || WorkshopNames.attendeeOf(ns) == null
                ? Optional.empty() : board.lesson(labels.get(Ownership.LESSON));
    }

    @Override
    public void close() {
        probe.close();
        if (namespaces != null) {
            namespaces.close();
        }
        watching.values().forEach(watch -> watch.close(true));
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
