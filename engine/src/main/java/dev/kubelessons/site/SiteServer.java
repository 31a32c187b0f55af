package dev.kubelessons.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a built site on 127.0.0.1 for authors. HTML pages get a small script that polls
 * {@code /__version} and reloads the page after a rebuild; the static output never has it.
 */
public final class SiteServer implements AutoCloseable {

    static final String VERSION_PATH = "/__version";
    static final String RELOAD_PATH = "/__livereload.js";
    /** The last rebuild's error as plain text, empty after a good one: the open page shows it, not only the terminal. */
    static final String ERROR_PATH = "/__error";
    static final String RELOAD_TAG = "<script src=\"" + RELOAD_PATH + "\"></script>";
    private static final String RELOAD_SCRIPT = """
            (function () {
              var seen = null;
              function showError(text) {
                var box = document.getElementById('kl-build-error');
                if (!text) { if (box) { box.remove(); } return; }
                if (!box) {
                  box = document.createElement('pre');
                  box.id = 'kl-build-error';
                  box.setAttribute('role', 'alert');
                  box.style.cssText = 'position:fixed;left:0;right:0;bottom:0;margin:0;max-height:40vh;overflow:auto;z-index:9;'
                    + 'padding:0.8rem 1rem;background:#fff1f0;color:#82071e;border-top:3px solid #cf222e;white-space:pre-wrap;font-size:0.85rem';
                  document.body.appendChild(box);
                }
                box.textContent = 'The site was not rebuilt; this page is the last good build.\\n' + text;
              }
              function poll() {
                fetch('%s', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (v) {
                  if (seen !== null && v !== seen) { location.reload(); }
                  seen = v;
                  window.kubelessonsLiveVersion = v;
                  return fetch('%s', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(showError);
                }).catch(function () {}).then(function () { setTimeout(poll, 700); });
              }
              poll();
            })();
            """.formatted(VERSION_PATH, ERROR_PATH);
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "json", "application/json", "txt", "text/plain; charset=utf-8");

    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong version = new AtomicLong(1);
    private volatile String error = "";
    private final boolean liveReload;

    /** Binds at once, so a busy port is reported before anything else happens. */
    public SiteServer(Path root, int port) throws IOException {
        this(root, port, true);
    }

    /** @param liveReload whether HTML pages get the reload script ({@code site --serve}); the live tutor's site is never rebuilt */
    public SiteServer(Path root, int port, boolean liveReload) throws IOException {
        this.liveReload = liveReload;
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // The live tutor's pages each hold two event streams open, one thread apiece, besides the files they load.
        this.executor = Executors.newFixedThreadPool(liveReload ? 4 : 40, runnable -> {
            Thread thread = new Thread(runnable, "site-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Serves {@code path} (and what lies under it) with {@code handler} instead of the site's files: the live tutor's pages and streams. */
    public void route(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void start() {
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Called after each successful rebuild; open pages notice and reload, and a shown error goes away. */
    public void siteChanged() {
        error = "";
        version.incrementAndGet();
    }

    /** Called when a rebuild failed: open pages keep the last good site and show {@code text} (set as text, never as HTML). */
    public void buildFailed(String text) {
        error = text == null ? "" : text;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals(VERSION_PATH)) {
                send(exchange, 200, "text/plain; charset=utf-8", Long.toString(version.get()).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals(ERROR_PATH)) {
                send(exchange, 200, "text/plain; charset=utf-8", error.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals(RELOAD_PATH)) {
                send(exchange, 200, TYPES.get("js"), RELOAD_SCRIPT.getBytes(StandardCharsets.UTF_8));
            } else {
                serveFile(exchange, path);
            }
        }
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        Path file = resolve(path);
        if (file != null && Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        // normalize() resolves "..", so a file outside the site root cannot be named.
        if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain; charset=utf-8", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        byte[] body = Files.readAllBytes(file);
        if (extension.equals("html") && liveReload) {
            body = withReloadScript(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), body);
    }

    private Path resolve(String path) {
        try {
            return root.resolve(path.replaceFirst("^/+", "")).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    static String withReloadScript(String html) {
        int at = html.lastIndexOf("</body>");
        return at < 0 ? html + RELOAD_TAG : html.substring(0, at) + RELOAD_TAG + html.substring(at);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
