package dev.kubelessons.instructor;

import com.sun.net.httpserver.HttpExchange;
import dev.kubelessons.http.EventFanOut;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events to the open boards, through an {@link EventFanOut}: a slow or dead browser loses its connection
 * (the page reconnects and reloads its state from /api/state), it never blocks the board or the others.
 */
final class EventStream implements Board.Listener {

    /** A page that falls this far behind reconnects and gets a fresh page rather than a backlog. */
    private static final int QUEUE = 2048;

    private final EventFanOut fanOut;

    EventStream(int maxClients) {
        this.fanOut = new EventFanOut(QUEUE, maxClients, 2000, false);
    }

    int clients() {
        return fanOut.clients();
    }

    @Override
    public void event(String name, String json) {
        // JSON has no raw newlines, so one data: line holds it; the browser's EventSource parses it as-is.
        fanOut.send(name, "event: " + name + "\ndata: " + json.replace("\n", "\\n") + "\n\n");
    }

    /** Serves one EventSource connection until it breaks or falls behind; runs on the server's thread for it. */
    void serve(HttpExchange exchange) throws IOException {
        if (fanOut.full()) {
            byte[] body = "too many open boards\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        fanOut.serve(exchange);
    }
}
