package dev.kubelessons.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to every open page (the instructor's board, the live lesson page). Each connection has its own
 * bounded queue, written by its own thread: a page that falls behind loses its connection (its EventSource reconnects
 * and starts afresh) and never holds up the sender or the other pages. Optionally the latest frame of each event name
 * is kept and sent first to a page that connects, so it starts from the current state.
 */
public final class EventFanOut {

    private static final long HEARTBEAT_SECONDS = 15;
    private static final String CLOSE = "\u0000close";

    private final int queueSize;
    private final int maxClients;
    private final int retryMillis;
    private final boolean replayLatest;
    private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private final Map<String, String> latest = new LinkedHashMap<>();

    /**
     * @param queueSize    frames a page may fall behind before it is dropped
     * @param maxClients   open connections at most (see {@link #full()})
     * @param retryMillis  the reconnect delay the page's EventSource is told
     * @param replayLatest whether a connecting page first gets the latest frame of each event name
     */
    public EventFanOut(int queueSize, int maxClients, int retryMillis, boolean replayLatest) {
        this.queueSize = queueSize;
        this.maxClients = maxClients;
        this.retryMillis = retryMillis;
        this.replayLatest = replayLatest;
    }

    /** Open connections now. */
    public int clients() {
        return clients.size();
    }

    /** Whether a new connection would exceed the limit: the caller answers 503 in its own words. */
    public boolean full() {
        return clients.size() >= maxClients;
    }

    /** Sends an SSE frame (already framed) of the event {@code name} to every open page. */
    public void send(String name, String frame) {
        synchronized (latest) {
            if (replayLatest) {
                latest.put(name, frame);
            }
            for (BlockingQueue<String> queue : clients) {
                if (!queue.offer(frame)) {
                    clients.remove(queue);
                    queue.clear();
                    queue.offer(CLOSE);
                }
            }
        }
    }

    /**
     * Serves one EventSource connection until it breaks or falls behind; runs on the server's thread for it. The caller
     * has set its own headers (caching, security); this sets the content type and answers 200.
     */
    public void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(queueSize);
        synchronized (latest) {
            latest.values().forEach(queue::offer);
            clients.add(queue);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(("retry: " + retryMillis + "\n: connected\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String frame = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (CLOSE.equals(frame)) {
                    return;
                }
                // A comment line as heartbeat: a page that went away shows up as a write error within seconds.
                out.write((frame == null ? ": ping\n\n" : frame).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // The page went away; if it is still open its EventSource reconnects by itself.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
            exchange.close();
        }
    }

    /** Ends every open stream (the server stops). */
    public void closeAll() {
        for (BlockingQueue<String> queue : clients) {
            queue.clear();
            queue.offer(CLOSE);
        }
    }
}
