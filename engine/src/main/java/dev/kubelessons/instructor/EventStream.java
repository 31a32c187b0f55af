package dev.kubelessons.instructor;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events to the open boards. Each connection has its own bounded queue, written by its own thread: a slow or
 * dead browser loses its connection (the page reconnects and reloads its state), it never blocks the board or the others.
 */
final class EventStream implements Board.Listener {

    /** A page that falls this far behind reconnects and gets a fresh page rather than a backlog. */
    private static final int QUEUE = 2048;
    private static final long HEARTBEAT_SECONDS = 15;
    private static final String CLOSE = "\u0000close";

    private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private final int maxClients;

    EventStream(int maxClients) {
        this.maxClients = maxClients;
    }

    int clients() {
        return clients.size();
    }

    @Override
    public void event(String name, String json) {
        // JSON has no raw newlines, so one data: line holds it; the browser's EventSource parses it as-is.
        String frame = "event: " + name + "\ndata: " + json.replace("\n", "\\n") + "\n\n";
        for (BlockingQueue<String> queue : clients) {
            if (!queue.offer(frame)) {
                clients.remove(queue);
                queue.clear();
                queue.offer(CLOSE);
            }
        }
    }

    /** Serves one EventSource connection until it breaks or falls behind; runs on the server's thread for it. */
    void serve(HttpExchange exchange) throws IOException {
        if (clients.size() >= maxClients) {
            byte[] body = "too many open boards\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        clients.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("retry: 2000\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String frame = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (CLOSE.equals(frame)) {
                    return;
                }
                // A comment line as heartbeat: a dead peer shows up as a write error within seconds.
                out.write((frame == null ? ": ping\n\n" : frame).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // The browser went away: nothing to tell anyone, the page reconnects by itself if it is still open.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
            exchange.close();
        }
    }
}
