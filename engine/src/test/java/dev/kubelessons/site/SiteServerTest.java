package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --serve: pages with the reload script, a version that moves on rebuild, nothing outside the site, and the watcher. */
class SiteServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesPagesWithTheReloadScriptAndAVersion(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        SiteTestSupport.build(SiteTestSupport.course(), out);
        try (SiteServer server = new SiteServer(out, 0)) {
            server.start();
            assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());

            HttpResponse<String> index = get(server.url());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains(SiteServer.RELOAD_TAG + "</body>"), "reload script injected before </body>");
            assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertFalse(SiteTestSupport.read(out.resolve("index.html")).contains(SiteServer.RELOAD_TAG), "the files on disk stay clean");

            HttpResponse<String> lesson = get(server.url() + "03-clusterip.html");
            assertEquals(200, lesson.statusCode());
            assertTrue(lesson.body().contains("<h1>ClusterIP Services</h1>"));
            assertEquals(200, get(server.url() + "assets/site.css").statusCode());
            assertTrue(get(server.url() + SiteServer.RELOAD_PATH.substring(1)).body().contains("location.reload()"));

            String first = get(server.url() + "__version").body();
            server.siteChanged();
            String second = get(server.url() + "__version").body();
            assertFalse(first.equals(second), "the version moves after a rebuild, so open pages reload");

            assertEquals(404, get(server.url() + "nope.html").statusCode());
        }
    }

    @Test
    void filesOutsideTheSiteAreNotServed(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        SiteTestSupport.build(SiteTestSupport.course(), out);
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        try (SiteServer server = new SiteServer(out, 0)) {
            server.start();
            int port = URI.create(server.url()).getPort();
            // A raw request, because HTTP clients normalise '..' away before sending.
            for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt")) {
                String response = rawGet(port, path);
                assertTrue(response.startsWith("HTTP/1.1 404"), path + " -> " + response.lines().findFirst().orElse(""));
                assertFalse(response.contains("secret\n") || response.endsWith("secret"), path + " leaked the file");
            }
        }
    }

    @Test
    void theWatcherReportsAChangedLesson(@TempDir Path tmp) throws Exception {
        Path lessons = Files.createDirectories(tmp.resolve("lessons"));
        Path templates = Files.createDirectories(tmp.resolve("templates/assets"));
        CountDownLatch changed = new CountDownLatch(1);
        try (SiteWatcher watcher = new SiteWatcher(List.of(lessons, templates.getParent()))) {
            Thread thread = new Thread(() -> {
                try {
                    watcher.watch(changed::countDown);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
            Files.writeString(templates.resolve("site.css"), "body {}");
            assertTrue(changed.await(10, TimeUnit.SECONDS), "a change in a template subfolder triggers a rebuild");
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rawGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
