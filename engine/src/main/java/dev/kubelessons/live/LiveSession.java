package dev.kubelessons.live;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.report.JsonReport;
import dev.kubelessons.report.LessonResult;
import dev.kubelessons.runner.SessionListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the runner session tells the live page, as events: every verdict set on {@code /events/<id>} in exactly the JSON of
 * {@code --check --format json}, and the cluster's state, the tutor's step and its notes on {@code /session/<id>}.
 */
final class LiveSession implements SessionListener {

    private final Lesson lesson;
    private final EventChannel verdicts = new EventChannel();
    private final EventChannel state = new EventChannel();
    private final JsonMapper json = JsonMapper.builder().build();
    private final long started = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicLong mapVersion = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean mapPending = new java.util.concurrent.atomic.AtomicBoolean();
    // A rollout is a burst of pod, slice and deployment events: one redraw per 150 ms is plenty, well within a second.
    private final java.util.concurrent.ScheduledExecutorService mapTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kubelessons-live-map");
        thread.setDaemon(true);
        return thread;
    });

    LiveSession(Lesson lesson) {
        this.lesson = lesson;
        outage(Optional.empty());
    }

    EventChannel verdictEvents() {
        return verdicts;
    }

    EventChannel stateEvents() {
        return state;
    }

    @Override
    public void verdicts(List<Verdict> all) {
        LessonResult result = new LessonResult(lesson.id(), lesson.title(), all, Duration.ofNanos(System.nanoTime() - started));
        verdicts.publish("message", new JsonReport().render(List.of(result)));
        // The map marks the paths data-plane checks probed.
        mapChanged();
    }

    @Override
    public void mapChanged() {
        if (mapPending.compareAndSet(false, true)) {
            mapTimer.schedule(() -> {
                mapPending.set(false);
                publish("map", mapVersion.incrementAndGet());
            }, 150, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void outage(Optional<String> banner) {
        ObjectNode node = json.createObjectNode();
        node.put("reachable", banner.isEmpty());
        node.put("banner", banner.orElse(""));
        state.publish("cluster", json.writeValueAsString(node));
    }

    @Override
    public void currentStep(int number) {
        ObjectNode node = json.createObjectNode();
        node.put("current", number);
        state.publish("step", json.writeValueAsString(node));
    }

    @Override
    public void note(String text) {
        ObjectNode node = json.createObjectNode();
        node.put("text", text);
        state.publish("note", json.writeValueAsString(node));
    }

    /** Something else the page shows changed (the namespace map): the page fetches it again. */
    void publish(String event, long version) {
        ObjectNode node = json.createObjectNode();
        node.put("version", version);
        state.publish(event, json.writeValueAsString(node));
    }

    void close() {
        mapTimer.shutdownNow();
        verdicts.closeAll();
        state.closeAll();
    }
}
