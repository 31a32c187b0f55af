package dev.kubelessons.live;

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
 * One stream of server-sent events to the open pages. The latest event of each name is kept and sent first to a page
 * that connects (or reconnects), so a page always starts from the current state. Each page has a bounded queue: a page
 * that falls behind is dropped (its EventSource reconnects and starts afresh), and never holds up the others.
 */
final class EventChannel {

    private static final int QUEUE = 256;
    private static final int MAX_PAGES = 16;
    private static final long HEARTBEAT_SECONDS = 15;
    private static final String CLOSE = "\u0000close";

    private final List<BlockingQueue<String>> pages = new CopyOnWriteArrayList<>();
    private final Map<String, String> latest = new LinkedHashMap<>();

    /** Sends {@code data} as an event called {@code name} ("message" for unnamed events) to every open page. */
    void publish(String name, String data) {
        String frame = frame(name, data);
        synchronized (latest) {
            latest.put(name, frame);
            for (BlockingQueue<String> queue : pages) {
                if (!queue.offer(frame)) {
                    pages.remove(queue);
                    queue.clear();
                    queue.offer(CLOSE);
                }
            }
        }
    }

    /** An SSE frame: every line of {@code data} on a data: line of its own, so the page receives the text exactly. */
    static String frame(String name, String data) {
        StringBuilder frame = new StringBuilder();
        if (!name.equals("message")) {
            frame.append("event: ").append(name).append('\n');
        }
        String body = data.endsWith("\n") ? data.substring(0, data.length() - 1) : data;
        for (String line : body.split("\n", -1)) {
            frame.append("data: ").append(line.replace("\r", "")).append('\n');
        }
        return frame.append('\n').toString();
    }

    /** Serves one EventSource connection until it breaks or falls behind; runs on the server's thread for it. */
    void serve(HttpExchange exchange) throws IOException {
        if (pages.size() >= MAX_PAGES) {
            LiveReplies.text(exchange, 503, "too many open pages; close one");
            return;
        }
        LiveReplies.securityHeaders(exchange);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        synchronized (latest) {
            latest.values().forEach(queue::offer);
            pages.add(queue);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("retry: 1000\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String frame = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (CLOSE.equals(frame)) {
                    return;
                }
                // A comment as heartbeat: a closed page shows up as a write error within seconds.
                out.write((frame == null ? ": ping\n\n" : frame).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // The page went away; if it is still open its EventSource reconnects by itself.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pages.remove(queue);
            exchange.close();
        }
    }

    /** Ends every open stream (the server stops). */
    void closeAll() {
        for (BlockingQueue<String> queue : pages) {
            queue.clear();
            queue.offer(CLOSE);
        }
    }
}
