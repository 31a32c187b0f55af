import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Issue 15's rebuild figure: `./jbang lesson site --serve` on a generated course, then RUNS edits of one
 * lesson each (a line appended to its last step, lessons spread over the course): the time from the
 * write (just before it) to the lesson's page on disk holding the new line, polled every 0.2 ms, and to
 * the server's reload version moving (after the last file; what the open page polls before it reloads
 * itself); then which files of the site changed (modification times).
 * Usage (from the repository root): java bench/src/RebuildLatency.java LESSONS_DIR SITE_DIR [RUNS]
 */
public class RebuildLatency {

    public static void main(String[] args) throws Exception {
        Path lessons = Path.of(args[0]).toAbsolutePath();
        Path site = Path.of(args[1]).toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Process serve = new ProcessBuilder("./jbang", "lesson", "site", "--lessons", lessons.toString(), "--out", site.toString(), "--serve", "--port", "0")
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            System.out.println("serve> " + line);
            if (line.startsWith("serving ")) {
                url = line.split("\\s+")[1];
                break;
            }
        }
        if (url == null) {
            throw new IllegalStateException("site --serve did not start");
        }
        Thread echo = new Thread(() -> output.lines().forEach(l -> System.out.println("serve> " + l)));
        echo.setDaemon(true);
        echo.start();
        HttpClient http = HttpClient.newHttpClient();
        List<Path> files;
        try (Stream<Path> list = Files.list(lessons)) {
            files = list.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<Double> millis = new ArrayList<>();
        List<Double> updates = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                Path lesson = files.get((int) ((long) (i * 2 + 1) * files.size() / (runs * 2)));
                Path page = site.resolve(lesson.getFileName().toString().replace(".md", ".html"));
                String marker = "Edited for the rebuild benchmark, run " + i + " " + System.nanoTime();
                Map<Path, Long> before = modified(site);
                String version = http.send(HttpRequest.newBuilder(URI.create(url + "__version")).build(), HttpResponse.BodyHandlers.ofString()).body();
                String text = Files.readString(lesson);
                Thread.sleep(300); // the previous burst is over
                long start = System.nanoTime();
                Files.writeString(lesson, text + "\n" + marker + "\n");
                long deadline = start + TimeUnit.SECONDS.toNanos(30);
                while (!contains(page, marker)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no new page after 30 s: " + page);
                    }
                    Thread.sleep(0, 200_000);
                }
                double ms = (System.nanoTime() - start) / 1e6;
                millis.add(ms);
                // The whole update: the server bumps its version (what the open page polls, then reloads) after the last file.
                String newVersion = version;
                while (newVersion.equals(version)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the reload version did not move within 30 s");
                    }
                    Thread.sleep(1);
                    newVersion = http.send(HttpRequest.newBuilder(URI.create(url + "__version")).build(), HttpResponse.BodyHandlers.ofString()).body();
                }
                double whole = (System.nanoTime() - start) / 1e6;
                updates.add(whole);
                Map<Path, Long> after = modified(site);
                List<String> changed = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                        .map(e -> site.relativize(e.getKey()).toString()).sorted().toList();
                System.out.printf("run %d: %s  page %.1f ms, reload version %s -> %s at %.1f ms; files rewritten: %s%n",
                        i + 1, lesson.getFileName(), ms, version, newVersion, whole, changed);
            }
        } finally {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
        summary("write -> page on disk", millis);
        summary("write -> reload version moved (every file written)", updates);
    }

    private static void summary(String what, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        System.out.printf("%s, %d runs: median %.1f ms, min %.1f, max %.1f%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static boolean contains(Path page, String marker) {
        try {
            return Files.readString(page).contains(marker);
        } catch (IOException e) {
            return false; // between the rename's two steps on some file systems
        }
    }

    private static Map<Path, Long> modified(Path dir) throws IOException {
        Map<Path, Long> times = new HashMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                try {
                    times.put(p, Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS));
                } catch (java.nio.file.NoSuchFileException e) {
                    // a temporary file renamed away meanwhile
                }
            }
        }
        return times;
    }
}
