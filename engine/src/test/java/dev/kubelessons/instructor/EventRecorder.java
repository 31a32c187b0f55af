package dev.kubelessons.instructor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** One board SSE connection read on a thread of its own: every event kept, so a test waits for one and knows if the stream ended. */
final class EventRecorder implements AutoCloseable {

    /** One server-sent event. */
    record Event(String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream stream;
    private final Thread reader;
    private volatile String ended;

    EventRecorder(InputStream stream) {
        this.stream = stream;
        this.reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String name = "message";
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(new Event(name, line.substring(6)));
                } else if (line.isEmpty()) {
                    name = "message";
                }
            }
            ended = "the server closed the stream";
        } catch (IOException e) {
            ended = "the stream broke: " + e;
        }
    }

    /** Null while the connection is open. */
    String ended() {
        return ended;
    }

    /** The first event from {@code from} on that matches; fails after {@code timeout} or if the stream ends first. */
    Event await(int from, String what, Predicate<Event> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Event> found = events.subList(Math.min(from, events.size()), events.size()).stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (ended != null) {
                throw new AssertionError("waiting for " + what + ": " + ended + "; events: " + events);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s; events: " + events);
            }
            Thread.sleep(50);
        }
    }

    int count() {
        return events.size();
    }

    @Override
    public void close() throws IOException {
        stream.close();
        reader.interrupt();
    }
}
