package dev.kubelessons.instructor;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reading requests and writing replies on the board's HTTP server, with the security headers every reply carries. */
final class HttpReplies {

    /** Reports and actions are small; a bigger body is refused before it is read into memory. */
    static final int BODY_MAX = 256 * 1024;
    private static final long DRAIN_MAX = 8L * 1024 * 1024;

    private HttpReplies() {
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // Not no-referrer: under it browsers send "Origin: null" with the page's own form posts, which the Origin check refuses.
        // same-origin still tells other sites nothing.
        headers.set("Referrer-Policy", "same-origin");
        // Scripts only from the board itself: even an unescaped name could not run.
        headers.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body + "\n");
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 303, "text/plain; charset=utf-8", "");
    }

    /** The body; a body larger than {@link #BODY_MAX} throws {@link TooLarge}, which the server answers with 413. */
    static String body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > BODY_MAX) {
            throw new TooLarge();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(BODY_MAX + 1);
            if (bytes.length > BODY_MAX) {
                throw new TooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Answers 413; reads (and drops) a few MB first, so that a client still sending its body hears the answer, not a reset. */
    static void tooLarge(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            long dropped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; dropped < DRAIN_MAX && (n = in.read(buffer)) > 0; ) {
                dropped += n;
            }
        } catch (IOException e) {
            // The client gave up sending: it may still read the answer.
        }
        text(exchange, 413, "the request body is larger than " + BODY_MAX / 1024 + " KiB");
    }

    /**
     * Browsers send Origin with every cross-site POST: a state-changing request from another origin is refused, whatever
     * cookie it carries. Clients that are not browsers (attendees' runners, curl) send none and are judged by their token.
     */
    static boolean crossOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            return false;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        // Either scheme: behind a TLS proxy the page is https while the board itself speaks http. The host is what tells sites apart.
        return host == null || !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host));
    }

    /** A request body over {@link #BODY_MAX}. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body too large", null, false, false);
        }
    }

    /** The bearer token, else the board's cookie; never logged. */
    /** The URL's query parameters, decoded; the first value of a repeated name wins. */
    static java.util.Map<String, String> query(HttpExchange exchange) {
        return form(exchange.getRequestURI().getRawQuery());
    }

    /** An application/x-www-form-urlencoded body (or query), decoded; the first value of a repeated name wins. */
    static java.util.Map<String, String> form(String raw) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String token(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals(BoardServer.COOKIE)) {
                    return pair[1];
                }
            }
        }
        return null;
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
