package dev.kubelessons.live;

import com.sun.net.httpserver.HttpExchange;

/**
 * Who may talk to the live server. Every request must name it by its loopback address (a page of another site that
 * re-points its own name at 127.0.0.1, DNS rebinding, sends its own name as Host and is refused); a request that acts
 * on the cluster must also come from the lesson page itself (Origin) and carry the run's token.
 */
final class LiveGuard {

    static final String TOKEN_HEADER = "X-Kubelessons-Token";

    private final LiveToken token;
    private final int port;

    LiveGuard(LiveToken token, int port) {
        this.token = token;
        this.port = port;
    }

    boolean knownHost(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host != null && (host.equals("127.0.0.1:" + port) || host.equalsIgnoreCase("localhost:" + port));
    }

    /** Null when the action may go ahead, else why not (said to the caller, never with the token). */
    String refusal(HttpExchange exchange) {
        if (!exchange.getRequestMethod().equals("POST")) {
            return "actions are POST requests";
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (origin == null || host == null || !origin.equalsIgnoreCase("http://" + host)) {
            return "actions come only from the live lesson page (Origin " + (origin == null ? "missing" : "does not match") + ")";
        }
        if (!token.matches(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
            return "actions need this run's token, which only the live lesson page has; reload it";
        }
        return null;
    }
}
