package dev.kubelessons.instructor;

import dev.kubelessons.lesson.Lesson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/** The progress board's state: attendees by lessons, which solutions are revealed; tells its listeners (the SSE stream) every change as JSON. */
public final class Board {

    /** Receives each change: the SSE event name and its JSON data. */
    @FunctionalInterface
    public interface Listener {
        void event(String name, String json);
    }

    private final List<Lesson> lessons;
    private final Duration stuckAfter;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> attendees = new TreeSet<>();
    private final Set<String> remote = new HashSet<>();
    private final Set<String> onCluster = new HashSet<>();
    private final Map<String, Cell> cells = new HashMap<>();
    private final Map<String, Boolean> stuckSent = new HashMap<>();
    private final Set<String> revealed = new LinkedHashSet<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private ClusterBanner cluster = ClusterBanner.REACHABLE;

    public Board(List<Lesson> lessons, Duration stuckAfter, Clock clock) {
        this.lessons = List.copyOf(lessons);
        this.stuckAfter = stuckAfter;
        this.clock = clock;
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Adds an attendee's row; open pages reload to show it. Returns false if it was there already. */
    public synchronized boolean addAttendee(String attendee) {
        if (!attendees.add(attendee)) {
            return false;
        }
        lessons.forEach(lesson -> cells.put(key(attendee, lesson.id()), new Cell(attendee, lesson)));
        send("reload", "{}");
        return true;
    }

    /** An attendee who has namespaces on the instructor's cluster, so that the board can reset and solve there. */
    public synchronized boolean addClusterAttendee(String attendee) {
        onCluster.add(attendee);
        return addAttendee(attendee);
    }

    public synchronized List<String> clusterAttendees() {
        return attendees.stream().filter(onCluster::contains).toList();
    }

    public synchronized boolean onCluster(String attendee) {
        return onCluster.contains(attendee);
    }

    /**
     * Removes the row of an attendee whose namespaces are gone (teardown); open pages reload. Attendees named with
     * {@code --names} report from their own clusters and stay. Returns whether the row went.
     */
    public synchronized boolean removeAttendee(String attendee) {
        onCluster.remove(attendee);
        if (remote.contains(attendee) || !attendees.remove(attendee)) {
            return false;
        }
        lessons.forEach(lesson -> {
            cells.remove(key(attendee, lesson.id()));
            stuckSent.remove(key(attendee, lesson.id()));
        });
        send("reload", "{}");
        return true;
    }

    /** An attendee on their own cluster (--names): kept on the board whatever the instructor's cluster holds. */
    public synchronized boolean addRemoteAttendee(String attendee) {
        remote.add(attendee);
        return addAttendee(attendee);
    }

    /** The lesson's namespace is new: results until {@code until} are its setup settling, not the attendee at work. */
    public synchronized void quietUntil(String attendee, String lessonId, java.time.Instant until) {
        Cell cell = cells.get(key(attendee, lessonId));
        if (cell != null) {
            cell.quietUntil(until);
        }
    }

    public synchronized boolean hasAttendee(String attendee) {
        return attendees.contains(attendee);
    }

    public synchronized List<String> attendees() {
        return new ArrayList<>(attendees);
    }

    public void record(String attendee, String lessonId, String checkId, String status, String message, String source, boolean baseline) {
        update(attendee, lessonId, cell -> cell.record(checkId, status, message, source, baseline, clock.instant()));
    }

    /** Back to "not started" (the namespace was reset or deleted). */
    public void clear(String attendee, String lessonId) {
        update(attendee, lessonId, Cell::clear);
    }

    /** A drill's fault was injected into the attendee's lesson: the cell times the restore from now. */
    public void incident(String attendee, String lessonId, dev.kubelessons.lesson.Fault fault) {
        update(attendee, lessonId, cell -> cell.inject(fault, clock.instant()));
    }

    public void busy(String attendee, String lessonId, String what) {
        update(attendee, lessonId, cell -> cell.busy(what));
    }

    public void problem(String attendee, String lessonId, String message) {
        update(attendee, lessonId, cell -> cell.problem(message));
    }

    /** The watch behind a cell broke; unlike {@link #problem}, this one clears by itself once the cluster is back. */
    public void watchProblem(String attendee, String lessonId, String message) {
        update(attendee, lessonId, cell -> cell.watchProblem(message));
    }

    /** The cluster is back: clears the cell's watch problem, if it has one (pages hear only of cells that change). */
    public synchronized void watchResumed(String attendee, String lessonId) {
        Cell cell = cells.get(key(attendee, lessonId));
        if (cell != null && cell.watchResumed()) {
            update(attendee, lessonId, c -> { });
        }
    }

    /** The cell's checks whose latest result is ERROR. */
    public synchronized List<String> erroredChecks(String attendee, String lessonId) {
        Cell cell = cells.get(key(attendee, lessonId));
        return cell == null ? List.of() : cell.erroredChecks();
    }

    /** The board's link to the cluster changed: every open page shows, updates or clears its banner. */
    public synchronized void cluster(ClusterBanner banner) {
        if (!banner.equals(cluster)) {
            cluster = banner;
            send("cluster", json.writeValueAsString(banner));
        }
    }

    public synchronized ClusterBanner cluster() {
        return cluster;
    }

    public synchronized List<String> checkIds(String attendee, String lessonId) {
        Cell cell = cells.get(key(attendee, lessonId));
        return cell == null ? List.of() : cell.checkIds();
    }

    public synchronized String source(String attendee, String lessonId) {
        Cell cell = cells.get(key(attendee, lessonId));
        return cell == null ? "none" : cell.source();
    }

    /** One cell as the board shows it now, for the detail panel. */
    public synchronized Optional<CellView> cell(String attendee, String lessonId) {
        return Optional.ofNullable(cells.get(key(attendee, lessonId))).map(cell -> cell.view(clock.instant(), stuckAfter));
    }

    /** Every row, attendees in name order, lessons in course order. */
    public synchronized Map<String, List<CellView>> rows() {
        Map<String, List<CellView>> rows = new LinkedHashMap<>();
        for (String attendee : attendees) {
            rows.put(attendee, lessons.stream().map(l -> cells.get(key(attendee, l.id())).view(clock.instant(), stuckAfter)).toList());
        }
        return rows;
    }

    public synchronized void reveal(String lessonId, boolean show) {
        if (show) {
            revealed.add(lessonId);
        } else {
            revealed.remove(lessonId);
        }
        send("reveal", json.writeValueAsString(Map.of("lesson", lessonId, "revealed", show)));
    }

    public synchronized boolean revealed(String lessonId) {
        return revealed.contains(lessonId);
    }

    /** Time passes without events: re-sends the cells whose "stuck" flag flipped. Called every few seconds. */
    public synchronized void tick() {
        for (Cell cell : cells.values()) {
            CellView view = cell.view(clock.instant(), stuckAfter);
            if (!Boolean.valueOf(view.stuck()).equals(stuckSent.getOrDefault(view.key(), false))) {
                stuckSent.put(view.key(), view.stuck());
                send("cell", json.writeValueAsString(view));
            }
        }
    }

    public String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    /** Sends under the lock, so two changes of one cell reach every page in the order they happened (listeners only enqueue). */
    private synchronized void update(String attendee, String lessonId, java.util.function.Consumer<Cell> change) {
        Cell cell = cells.get(key(attendee, lessonId));
        if (cell == null) {
            return;
        }
        change.accept(cell);
        CellView view = cell.view(clock.instant(), stuckAfter);
        stuckSent.put(view.key(), view.stuck());
        send("cell", json.writeValueAsString(view));
    }

    private void send(String name, String data) {
        for (Listener listener : listeners) {
            listener.event(name, data);
        }
    }

    private static String key(String attendee, String lessonId) {
        return attendee + "/" + lessonId;
    }
}
