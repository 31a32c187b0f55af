package dev.kubelessons.live;

import com.sun.net.httpserver.HttpExchange;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.InteractiveLoop;
import dev.kubelessons.site.SiteServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code jbang lesson <id> --web}: the course site on loopback with one lesson page connected to a runner session. The
 * page gets the session's verdicts ({@code /events/<id>}) and state ({@code /session/<id>}) as server-sent events, and
 * its buttons post to {@code /actions/<id>/check|reset|solve}, which do what the tutor's keys do.
 */
public final class LiveServer implements AutoCloseable {

    private static final Set<String> ACTIONS = Set.of("check", "reset", "solve");

    private final SiteServer site;
    private final Path siteDir;
    private final Lesson lesson;
    private final LiveToken token = new LiveToken();
    private final LiveGuard guard;
    private final LiveSession session;
    private volatile InteractiveLoop loop;

    /** Binds at once on 127.0.0.1 ({@code port} 0 picks a free one), so a busy port is reported before the cluster is touched. */
    public LiveServer(Path siteDir, Lesson lesson, int port) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.lesson = lesson;
        this.site = new SiteServer(this.siteDir, port, false);
        this.guard = new LiveGuard(token, site.port());
        this.session = new LiveSession(lesson);
        site.route("/" + lesson.id() + ".html", this::page);
        site.route("/events/", exchange -> stream(exchange, "/events/", session.verdictEvents()));
        site.route("/session/", exchange -> stream(exchange, "/session/", session.stateEvents()));
        site.route("/actions/", this::action);
        site.route("/map/", this::map);
    }

    /** The session whose verdicts the page shows and whose keys its buttons press; the server listens to it from now on. */
    public LiveServer connect(InteractiveLoop interactive) {
        interactive.observedBy(session);
        this.loop = interactive;
        return this;
    }

    public void start() {
        site.start();
    }

    /** The lesson page's address. */
    public String url() {
        return site.url() + lesson.id() + ".html";
    }

    @Override
    public void close() {
        session.close();
        site.close();
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!guard.knownHost(exchange)) {
            LiveReplies.text(exchange, 421, "ask for this page at " + url());
            return;
        }
        if (!exchange.getRequestURI().getPath().equals("/" + lesson.id() + ".html")) {
            LiveReplies.text(exchange, 404, "not found");
            return;
        }
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            LiveReplies.text(exchange, 405, "method not allowed");
            return;
        }
        String html = Files.readString(siteDir.resolve(lesson.id() + ".html"), StandardCharsets.UTF_8);
        LiveReplies.send(exchange, 200, "text/html; charset=utf-8",
                LivePage.of(html, lesson.id(), token.value()).getBytes(StandardCharsets.UTF_8));
    }

    private void stream(HttpExchange exchange, String prefix, EventChannel channel) throws IOException {
        if (!guard.knownHost(exchange)) {
            LiveReplies.text(exchange, 421, "ask at " + url());
        } else if (!exchange.getRequestURI().getPath().equals(prefix + lesson.id())) {
            LiveReplies.text(exchange, 404, "this server is live for " + lesson.id() + " only: " + prefix + lesson.id());
        } else if (!exchange.getRequestMethod().equals("GET")) {
            LiveReplies.text(exchange, 405, "method not allowed");
        } else {
            channel.serve(exchange);
        }
    }

    /** The namespace map as SVG, drawn from the watch's caches at each request; the page asks again on each "map" event. */
    private void map(HttpExchange exchange) throws IOException {
        if (!guard.knownHost(exchange)) {
            LiveReplies.text(exchange, 421, "ask at " + url());
            return;
        }
        if (!exchange.getRequestURI().getPath().equals("/map/" + lesson.id() + ".svg")) {
            LiveReplies.text(exchange, 404, "the map is at /map/" + lesson.id() + ".svg");
            return;
        }
        InteractiveLoop current = loop;
        var map = current == null ? java.util.Optional.<dev.kubelessons.map.NamespaceMap>empty() : current.namespaceMap();
        if (map.isEmpty()) {
            LiveReplies.text(exchange, 503, "the watch on the cluster has not started yet");
            return;
        }
        LiveReplies.send(exchange, 200, "image/svg+xml; charset=utf-8",
                dev.kubelessons.map.MapSvg.render(map.get()).getBytes(StandardCharsets.UTF_8));
    }

    private void action(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readNBytes(4096);
            if (!guard.knownHost(exchange)) {
                LiveReplies.text(exchange, 421, "ask at " + url());
                return;
            }
            String refusal = guard.refusal(exchange);
            if (refusal != null) {
                LiveReplies.text(exchange, exchange.getRequestMethod().equals("POST") ? 403 : 405, refusal);
                return;
            }
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // "", "actions", id, action
            if (parts.length != 4 || !parts[2].equals(lesson.id()) || !ACTIONS.contains(parts[3])) {
                LiveReplies.text(exchange, 404, "actions are /actions/" + lesson.id() + "/check, reset or solve?step=N");
                return;
            }
            InteractiveLoop current = loop;
            if (current == null) {
                LiveReplies.text(exchange, 503, "the tutor is still starting; try again in a moment");
                return;
            }
            switch (parts[3]) {
                case "check" -> current.requestCheck();
                case "reset" -> current.requestReset();
                default -> {
                    Integer step = stepOf(exchange.getRequestURI().getRawQuery());
                    if (step == null) {
                        LiveReplies.text(exchange, 400, "solve needs ?step=N with N from 1 to " + lesson.steps().size());
                        return;
                    }
                    current.requestFastForward(step);
                }
            }
            LiveReplies.json(exchange, 202, "{\"accepted\":\"" + parts[3] + "\"}");
        }
    }

    private Integer stepOf(String query) {
        if (query == null || !query.matches("step=[0-9]{1,3}")) {
            return null;
        }
        int step = Integer.parseInt(query.substring(5));
        return step >= 1 && step <= lesson.steps().size() ? step : null;
    }
}
