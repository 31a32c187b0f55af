package dev.kubelessons.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.HeadlessChromium;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokProvider;
import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.report.JsonReport;
import dev.kubelessons.report.LessonResult;
import dev.kubelessons.runner.ApiServerOutage;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.InteractiveLoop;
import dev.kubelessons.runner.LessonChecks;
import dev.kubelessons.runner.ProgressStore;
import dev.kubelessons.runner.RunningCluster;
import dev.kubelessons.runner.Terminal;
import dev.kubelessons.site.SiteBuild;
import dev.kubelessons.tui.PlainView;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The live lesson page (issue 14) in Chromium, over a runner session on a real kwok cluster: a check turns PASS when the
 * learner creates the solution, the verdict stream is the JSON of --check, actions need the page's token and origin,
 * and the banner shows when the API server dies, under the site's header, not over it; on a phone the namespace map keeps
 * its drawn size. The cluster is this class's own: the test kills its API server.
 */
class LiveLessonPageOnKwokTest {

    private static KwokProvider cluster;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startOwnCluster() {
        cluster = new KwokProvider(UserDirs.fromEnvironment(), "kubelessons-live-" + ProcessHandle.current().pid());
        cluster.up(new PrintWriter(System.err, true));
    }

    @AfterAll
    static void removeOwnCluster() {
        if (cluster != null) {
            cluster.down(new PrintWriter(System.err, true));
        }
    }

    @TempDir
    Path tmp;

    @Test
    void checksGoLiveInTheBrowserAndTheBannerShowsAnOutage() throws Exception {
        ClusterAccess access = cluster.access();
        Path lessons = Fixtures.repositoryRoot().resolve("lessons");
        Lesson lesson = new CourseLoader().load(lessons).course().lesson("03-clusterip").orElseThrow();
        Path site = tmp.resolve("site");
        new SiteBuild(lessons, Fixtures.repositoryRoot().resolve("templates"), site).run();
        ProgressStore progress = new ProgressStore(tmp.resolve("progress.json"), Clock.systemUTC());
        PipedWriter keys = new PipedWriter();
        StringWriter screen = new StringWriter();
        Terminal terminal = new Terminal(new PipedReader(keys), new PrintWriter(screen, true), false);
        try (ClusterSession session = RunningCluster.interactiveSession(access, "kllive");
             LiveServer server = new LiveServer(site, lesson, 0)) {
            session.sandbox().reset(lesson);
            InteractiveLoop loop = new InteractiveLoop(session, lesson, progress, new PlainView(terminal));
            server.connect(loop).start();
            CompletableFuture<Integer> tutor = CompletableFuture.supplyAsync(loop::run);
            ChromeDriver driver = HeadlessChromium.start(tmp, 1366, 900);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
                wait.withMessage(() -> "page state: " + driver.findElement(By.className("live-panel")).getText()
                        + "\ncheck: " + driver.findElement(By.id("check-service-exists")).getAttribute("outerHTML")
                        + "\nbanner: " + driver.findElement(By.id("live-banner")).getText());
                driver.get(server.url());
                By service = By.id("check-service-exists");
                wait.until(d -> "FAIL".equals(d.findElement(service).getAttribute("data-status")));
                assertEquals("FAIL", driver.findElement(service).findElement(By.className("live-status")).getText());
                assertTrue(driver.findElement(service).findElement(By.className("live-hint")).getText().startsWith("Next: "),
                        "a failing check shows its next hint");
                assertTrue(driver.findElements(By.id("live-off")).isEmpty(), "the static note gives way to the live panel");
                assertFalse(driver.findElement(By.id("live-banner")).isDisplayed(), "no banner while the cluster answers");

                refusesActionsFromElsewhere(server);

                // The live map (issue 19): drawn from the watch, before the learner's Service exists.
                wait.until(d -> mapText(d).contains("Live map of namespace " + session.sandbox().namespace(lesson)));
                assertFalse(mapText(driver).contains("my-nginx: ClusterIP"), "no Service on the map before it is applied: " + mapText(driver));

                var manifest = lesson.steps().get(0).blocks(BlockRole.APPLY).get(0);
                new dev.kubelessons.runner.ManifestApplier(session.client()).apply(manifest, session.sandbox().namespace(lesson), lesson.id());
                wait.until(d -> "PASS".equals(d.findElement(service).getAttribute("data-status")));
                // Applying the Service adds it to the map, in place (no reload), with its ClusterIP.
                wait.until(d -> mapText(d).contains("my-nginx: ClusterIP 10."));
                String svg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url().replace("03-clusterip.html", "map/03-clusterip.svg"))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kl-map\""), svg);
                assertTrue(svg.contains("<title id=\"kl-map-title\">") && svg.contains("<desc id=\"kl-map-desc\">"), "title and description for screen readers");
                // kwok probes nothing: the traffic check's path is on the map as "not probed", with no edge claiming a result.
                wait.until(d -> mapText(d).contains("not probed here"));
                assertEquals(0L, ((Number) driver.executeScript(
                        "return document.querySelectorAll('#live-map svg path[class^=\"p-\"]').length")).longValue(), "no probed edge on kwok");
                String probed = (String) driver.executeScript("return Array.from(document.querySelectorAll('#live-map svg g'))"
                        + ".map(g => g.textContent).filter(t => t.includes('check ')).join(' | ')");
                assertFalse(probed.isEmpty() || probed.matches("(?s).*(reached|refused|timed out).*"), probed);
                assertEquals("PASS", driver.findElement(service).findElement(By.className("live-status")).getText());
                assertTrue(driver.findElement(service).findElements(By.className("live-hint")).isEmpty(), "a passing check needs no hint");
                // The verdicts and the map reach the page on separate streams: wait for the progress line to count the SKIP.
                By progressLine = By.cssSelector("section.step .live-progress");
                wait.until(d -> d.findElement(progressLine).getText().contains("skipped: unproven here"));
                String progressText = driver.findElement(progressLine).getText();
                assertTrue(progressText.matches("\\d+ of \\d+ checks done( \\(\\d+ skipped: unproven here\\))?"), progressText);
                // kwok has no data plane: step 1's traffic check is SKIPPED, so the step is not ticked as done.
                assertTrue(progressText.contains("skipped: unproven here"), progressText);
                assertEquals("false", driver.findElement(By.cssSelector("section.step")).getAttribute("data-done"), progressText);
                // Issue 14: axe-core finds nothing on the live page either (statuses, hints, buttons, map), in both themes.
                assertEquals(List.of(), axeViolations(driver, "light", "dark"), "axe-core on the live page");

                eventsCarryTheJsonOfCheck(server, session, lesson);

                // The same map as text in the terminal tutor, on its key.
                keys.write("m\n");
                keys.flush();
                // The tutor prints the map line by line on its own thread: wait for the lines this test reads, not
                // only the title (CI once read the screen between the title and the Service line).
                String title = "Map of namespace " + session.sandbox().namespace(lesson);
                String serviceLine = "(?s).*\\n\\s*my-nginx  ClusterIP 10\\.[0-9.]+  80/TCP.*";
                String notProbed = "NOT PROBED  (skipped here: ";
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                String text = screenText(screen);
                while (!(text.contains(title) && text.matches(serviceLine) && text.contains(notProbed))) {
                    assertTrue(System.nanoTime() < until, "no whole map after m (title, the Service's line, the unprobed path):\n" + text);
                    Thread.sleep(100);
                    text = screenText(screen);
                }
                assertTrue(text.contains("m map"), "the key is in the tutor's key help");
                assertFalse(text.matches("(?s).*  (REACHED|REFUSED|TIMED OUT)  .*"), text);

                driver.findElement(By.xpath("//button[text()='Check now']")).click();
                wait.until(d -> d.findElement(By.id("live-note")).getText().startsWith("Checked at"));

                new ApiServerOutage(access).kill();
                wait.until(d -> d.findElement(By.id("live-banner")).isDisplayed());
                assertTrue(driver.findElement(By.id("live-banner")).getText().contains("unreachable"), driver.findElement(By.id("live-banner")).getText());
                assertEquals(List.of(), axeViolations(driver, "light"), "axe-core on the live page with the unreachable banner");
                // The banner sits under the sticky site header when the page is scrolled, never over it (it covered it).
                driver.executeScript("window.scrollTo(0, document.body.scrollHeight / 2)");
                String covered = (String) driver.executeScript("""
                        const h = document.querySelector('.site-header').getBoundingClientRect();
                        const b = document.getElementById('live-banner').getBoundingClientRect();
                        const seen = document.elementFromPoint(h.left + 5, h.top + h.height / 2);
                        return b.top >= h.bottom - 1 && seen && seen.closest('.site-header') ? ''
                            : 'header ' + h.top + '-' + h.bottom + ', banner ' + b.top + '-' + b.bottom;""");
                assertEquals("", covered, "the outage banner covers the site header");
                // On a phone the namespace map keeps its drawn size and scrolls sideways in its frame (it was scaled to 321 px).
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 390, "height", 844,
                        "deviceScaleFactor", 3, "mobile", true));
                String map = (String) driver.executeScript("""
                        const svg = document.querySelector('#live-map svg'), frame = svg.parentElement;
                        const drawn = Number(svg.getAttribute('width')), shown = svg.getBoundingClientRect().width;
                        return shown >= drawn - 1 && frame.scrollWidth > frame.clientWidth ? '' : shown + ' px of ' + drawn
                            + ', frame ' + frame.clientWidth + ' px scrolling ' + frame.scrollWidth;""");
                assertEquals("", map, "the live map on a 390 px screen");
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());


                keys.write("q\n");
                keys.flush();
                assertEquals(0, tutor.get(30, TimeUnit.SECONDS));
            } finally {
                driver.quit();
                keys.close();
            }
        }
    }

    private static String screenText(StringWriter screen) {
        synchronized (screen) {
            return screen.toString();
        }
    }

    private static String mapText(org.openqa.selenium.WebDriver driver) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var svg = document.querySelector('#live-map svg'); return svg ? svg.textContent : '';");
        return String.valueOf(text);
    }

    /** Without the token, or with it from another origin, an action is refused; a page asked for under another host name too. */
    private void refusesActionsFromElsewhere(LiveServer server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String origin = server.url().substring(0, server.url().indexOf('/', "http://".length()));
        URI check = URI.create(origin + "/actions/03-clusterip/check");
        assertEquals(403, http.send(HttpRequest.newBuilder(check).header("Origin", origin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "no token");
        String page = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = page.replaceAll("(?s).*<meta name=\"kubelessons-live\" content=\"([^\"]+)\".*", "$1");
        assertEquals(403, http.send(HttpRequest.newBuilder(check).header("Origin", "http://evil.example").header(LiveGuard.TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "another origin");
        assertEquals(405, http.send(HttpRequest.newBuilder(check).header("Origin", origin).header(LiveGuard.TOKEN_HEADER, token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "an action is never a GET");
        // The page's own request (origin and token) is accepted. Its check runs while the test applies the Service next:
        // an answer computed before that change must not stay on the page after it (it did, before the loop's fix).
        assertEquals(202, http.send(HttpRequest.newBuilder(check).header("Origin", origin).header(LiveGuard.TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "the page's own request");
        // DNS rebinding: a page of another site whose name now points at 127.0.0.1 sends its own name as Host.
        try (Socket socket = new Socket("127.0.0.1", URI.create(server.url()).getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /03-clusterip.html HTTP/1.1\r\nHost: evil.example:" + URI.create(server.url()).getPort() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.contains(" 421 "), status);
        }
    }

    /** axe-core's violations on the page as it stands, in each theme (applied as the theme toggle does). */
    private static List<String> axeViolations(ChromeDriver driver, String... themes) {
        List<String> found = new java.util.ArrayList<>();
        for (String theme : themes) {
            driver.executeScript("window.kubelessonsTheme.apply(arguments[0]);", theme);
            for (com.deque.html.axecore.results.Rule violation : new com.deque.html.axecore.selenium.AxeBuilder().analyze(driver).getViolations()) {
                found.add(theme + ": " + violation.getId() + " (" + violation.getNodes().size() + " nodes) " + violation.getNodes().get(0).getTarget());
            }
        }
        return found;
    }

    /** The first event (the latest state, replayed on connect) is --check --format json's document for the same cluster. */
    private void eventsCarryTheJsonOfCheck(LiveServer server, ClusterSession session, Lesson lesson) throws Exception {
        URI events = URI.create(server.url().replace("03-clusterip.html", "events/03-clusterip"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        JsonNode wanted = null;
        while (System.nanoTime() < deadline) {
            List<Verdict> now = LessonChecks.now(lesson, session.checkContext(lesson));
            JsonNode expected = wanted = withoutElapsed(new JsonReport().render(List.of(new LessonResult(lesson.id(), lesson.title(), now, Duration.ZERO))));
            last = firstEvent(events);
            if (withoutElapsed(last).equals(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the event stream never matched --check --format json; last event:\n" + last + "\n--check:\n" + wanted);
    }

    private JsonNode withoutElapsed(String report) {
        JsonNode root = json.readTree(report);
        root.get("lessons").forEach(l -> ((ObjectNode) l).remove("elapsedMillis"));
        return root;
    }

    private static String firstEvent(URI events) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            StringBuilder data = new StringBuilder();
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data: ")) {
                    data.append(data.length() == 0 ? "" : "\n").append(line.substring(6));
                } else if (line.isEmpty() && data.length() > 0) {
                    return data.toString();
                }
            }
            throw new AssertionError("the stream ended before an event");
        }
    }
}
