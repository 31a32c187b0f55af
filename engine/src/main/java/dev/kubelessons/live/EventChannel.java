package dev.kubelessons.live;

import com.sun.net.httpserver.HttpExchange;
import dev.kubelessons.http.EventFanOut;
import java.io.IOException;

/**
 * One stream of server-sent events to the open pages, through an {@link EventFanOut} that keeps the latest event of
 * each name and sends it first to a page that connects (or reconnects), so a page always starts from the current state.
 */
final class EventChannel {

    private static final int QUEUE = 256;
    private static final int MAX_PAGES = 16;

    private final EventFanOut fanOut = new EventFanOut(QUEUE, MAX_PAGES, 1000, true);

    /** Sends {@code data} as an event called {@code name} ("message" for unnamed events) to every open page. */
    void publish(String name, String data) {
        fanOut.send(name, frame(name, data));
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
        if (fanOut.full()) {
            LiveReplies.text(exchange, 503, "too many open pages; close one");
            return;
        }
        LiveReplies.securityHeaders(exchange);
        fanOut.serve(exchange);
    }

    /** Ends every open stream (the server stops). */
    void closeAll() {
        fanOut.closeAll();
    }
}
