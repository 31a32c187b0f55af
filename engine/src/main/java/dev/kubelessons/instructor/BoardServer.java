package dev.kubelessons.instructor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The board over HTTP, or HTTPS when given a TLS context: the page, its SSE stream and actions for the instructor (token as
 * bearer header or cookie), report uploads for attendees (their own token, their own row only), and revealed solutions for everyone.
 */
public final class BoardServer implements AutoCloseable {

    static final String COOKIE = "kl_board";
    private static final Pattern ASSET = Pattern.compile("/assets/([a-z0-9][a-z0-9.-]*)");
    private static final Pattern SOLUTION = Pattern.compile("/solution-([a-z0-9][a-z0-9-]*)\\.html");
    /** The site layout loads these for search and highlighting; the board needs neither, so they are served empty. */
    private static final Set<String> SITE_ONLY = Set.of("lunr.min.js", "highlight.min.js", "hljs-light.css", "hljs-dark.css");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    private final Board board;
    private final BoardTokens tokens;
    private final BoardPage page;
    private final BoardActions actions;
    private final ReportIntake reports;
    private final JoinDesk join;
    private final EventStream events = new EventStream(64);
    private final Path templates;
    private final PrintWriter log;
    private final HttpServer server;
    private final boolean tls;
    private final ExecutorService executor = Executors.newCachedThreadPool(ClusterProgress.daemon("kubelessons-board-http"));

    /** @param tls null to serve plain HTTP; @param join null unless attendees join by themselves at /join */
    public BoardServer(Board board, BoardTokens tokens, BoardActions actions, Path templates, long stuckMinutes,
                       InetSocketAddress address, SSLContext tls, JoinDesk join, PrintWriter log) throws IOException {
        this.join = join;
        this.board = board;
        this.tokens = tokens;
        this.page = new BoardPage(templates, board, stuckMinutes);
        this.actions = actions;
        this.reports = new ReportIntake(board, tokens);
        this.templates = templates;
        this.log = log;
        this.tls = tls != null;
        if (tls == null) {
            this.server = HttpServer.create(address, 64);
        } else {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        board.listen(events);
    }

    public void start() {
        server.start();
    }

    public String url() {
        var address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return (tls ? "https://" : "http://") + host + ":" + address.getPort() + "/";
    }

    public int openStreams() {
        return events.clients();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
        } catch (HttpReplies.TooLarge e) {
            HttpReplies.tooLarge(exchange);
        } catch (RuntimeException | IOException e) {
            // One request's failure (a broken pipe, a bad template) is that request's; the board carries on.
            synchronized (log) {
                log.println("board: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " failed: " + e.getClass().getSimpleName());
                log.flush();
            }
            try {
                HttpReplies.text(exchange, 500, "internal error");
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    private void route(HttpExchange exchange, String path, String method) throws IOException {
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean instructor = tokens.isInstructor(HttpReplies.token(exchange));
        if (!get && HttpReplies.crossOrigin(exchange)) {
            HttpReplies.text(exchange, 403, "refused: this request comes from another site (its Origin is not this board's);"
                    + " the board takes changes from its own page only");
        } else if (path.startsWith("/api/report/") && method.equals("POST")) {
            reports.handle(exchange, path.substring("/api/report/".length()));
        } else if (ASSET.matcher(path).matches() && get) {
            asset(exchange, path.substring("/assets/".length()));
        } else if (SOLUTION.matcher(path).matches() && get) {
            String id = path.substring("/solution-".length(), path.length() - ".html".length());
            var lesson = board.lesson(id).filter(l -> instructor || board.revealed(l.id()));
            if (lesson.isEmpty()) {
                HttpReplies.text(exchange, 404, "no revealed solution for " + id);
            } else {
                HttpReplies.send(exchange, 200, "text/html; charset=utf-8", page.solution(lesson.get()));
            }
        } else if (path.equals("/login")) {
            login(exchange, method);
        } else if (path.equals("/join") && join != null) {
            join(exchange, method);
        } else if (!instructor) {
            if (get && (path.equals("/") || path.equals("/index.html"))) {
                HttpReplies.redirect(exchange, "/login");
            } else {
                HttpReplies.text(exchange, 401, "the board needs the instructor's token (Authorization: Bearer, or sign in at /login)");
            }
        } else if ((path.equals("/") || path.equals("/index.html")) && get) {
            HttpReplies.send(exchange, 200, "text/html; charset=utf-8", page.board(join == null ? null
                    : BoardViews.Join.board(join.code(), (tls ? "https://" : "http://") + host(exchange) + "/join")));
        } else if (path.equals("/events") && get) {
            events.serve(exchange);
        } else if (path.equals("/export.csv") && get) {
            download(exchange, "text/csv; charset=utf-8", "workshop-results.csv", new BoardExport(board).csv(System.currentTimeMillis()));
        } else if (path.equals("/export.xml") && get) {
            download(exchange, "application/xml; charset=utf-8", "workshop-results.xml", new BoardExport(board).junit());
        } else if (path.equals("/api/state") && get) {
            HttpReplies.json(exchange, 200, board.toJson(board.rows()));
        } else if (path.equals("/api/cell") && get) {
            Map<String, String> query = HttpReplies.query(exchange);
            var cell = board.cell(query.getOrDefault("attendee", ""), query.getOrDefault("lesson", ""));
            if (cell.isEmpty()) {
                HttpReplies.text(exchange, 404, "no such cell: give ?attendee=NAME&lesson=ID of this board");
            } else {
                HttpReplies.json(exchange, 200, board.toJson(cell.get()));
            }
        } else if (path.equals("/api/action") && method.equals("POST")) {
            actions.handle(exchange);
        } else {
            HttpReplies.text(exchange, 404, "not found");
        }
    }

    /** A file the browser saves under {@code name} instead of showing it. */
    private static void download(HttpExchange exchange, String type, String name, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        HttpReplies.send(exchange, 200, type, body);
    }

    /** The address attendees reach this board at, as the instructor's browser did. */
    private String host(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? url().replaceFirst("^https?://", "").replaceFirst("/$", "") : host;
    }

    /** Self-service: the form, or a join (the form's fields, url-encoded); the kubeconfig goes back in the page, nowhere else. */
    private void join(HttpExchange exchange, String method) throws IOException {
        if (!method.equals("POST")) {
            HttpReplies.send(exchange, 200, "text/html; charset=utf-8", page.joinForm(null, null));
            return;
        }
        Map<String, String> form = HttpReplies.form(HttpReplies.body(exchange));
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        try {
            JoinDesk.Joined joined = join.join(client, form.get("code"), form.get("name"));
            HttpReplies.send(exchange, 200, "text/html; charset=utf-8", page.joined(joined));
        } catch (JoinDesk.Refused refused) {
            if (refused.retryAfter() > 0) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(refused.retryAfter()));
            }
            String name = form.get("name");
            HttpReplies.send(exchange, refused.status(), "text/html; charset=utf-8",
                    page.joinForm(refused.getMessage(), name == null || name.length() > 63 ? null : name));
        }
    }

    private void login(HttpExchange exchange, String method) throws IOException {
        if (!method.equals("POST")) {
            HttpReplies.send(exchange, 200, "text/html; charset=utf-8", page.login(null));
            return;
        }
        String token = HttpReplies.form(HttpReplies.body(exchange)).get("token");
        token = token == null ? null : token.strip();
        if (!tokens.isInstructor(token)) {
            HttpReplies.send(exchange, 401, "text/html; charset=utf-8", page.login("That is not the instructor token of this board."));
            return;
        }
        // HttpOnly: page scripts cannot read it; SameSite=Strict: other sites cannot make the browser send it;
        // Secure (over TLS): the browser never sends it over plain http, where anyone on the room's Wi-Fi could read it.
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
        HttpReplies.redirect(exchange, "/");
    }

    private void asset(HttpExchange exchange, String name) throws IOException {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (SITE_ONLY.contains(name)) {
            HttpReplies.send(exchange, 200, TYPES.getOrDefault(extension, "text/plain; charset=utf-8"), "/* not used on the board */\n");
            return;
        }
        Path file = Files.isRegularFile(templates.resolve("board").resolve(name)) ? templates.resolve("board").resolve(name)
                : templates.resolve("assets").resolve(name);
        if (!Files.isRegularFile(file) || !TYPES.containsKey(extension)) {
            HttpReplies.text(exchange, 404, "not found");
            return;
        }
        HttpReplies.send(exchange, 200, TYPES.get(extension), Files.readString(file));
    }
}
