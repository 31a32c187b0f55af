package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./jbang wrapper without a usable HOME (unset, as under cron or `env -i`; empty): 'lesson --version' works and
 * nothing is written to / (it once died with "HOME: parameter not set", and wrote /.cache when HOME was empty). It runs
 * on a copy of the clone's files the wrapper needs, so the fallback cache (the clone's own .cache/) is the test's.
 */
class JbangWrapperTest {

    private static final String JBANG_JAR = "jbang-cli-0.127.18-all.jar";

    @TempDir
    Path clone;

    @Test
    void worksWithHomeUnsetOrEmptyAndNeverWritesToTheRoot() throws Exception {
        copyClone();
        List<String> rootBefore = listRoot();

        Run unset = wrapper(env -> env.remove("HOME"), "lesson", "--version");
        assertEquals(0, unset.exit(), unset.output());
        assertTrue(unset.output().contains("kubelessons 0.1.0"), unset.output());

        Run empty = wrapper(env -> env.put("HOME", ""), "lesson", "--version");
        assertEquals(0, empty.exit(), empty.output());
        assertTrue(empty.output().contains("kubelessons 0.1.0"), empty.output());

        assertEquals(rootBefore, listRoot(), "nothing new in /");

        // Messages name the command the learner typed: on a machine with only the wrapper, 'jbang' is not found.
        Run unknown = wrapper(env -> { }, "lesson", "99-nope");
        assertEquals(2, unknown.exit(), unknown.output());
        assertTrue(unknown.output().contains("next: './jbang lesson list' shows the lessons: 01-kind-cluster"), unknown.output());
        Path cache = clone.resolve(".cache/kubelessons/jbang");
        try (Stream<Path> files = Files.list(cache)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("launch-")),
                    "the launch plan is cached in the clone's own .cache: " + cache);
        }
        // Two class-data sharing archives: the general one, and site's own (only its classes: a smaller peak RSS).
        try (Stream<Path> files = Files.list(cache)) {
            List<String> archives = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jsa")).sorted().toList();
            assertEquals(2, archives.size(), archives.toString());
            assertTrue(archives.get(1).endsWith(".site.jsa") && Files.size(cache.resolve(archives.get(1))) < Files.size(cache.resolve(archives.get(0))),
                    archives.toString());
        }
        Run site = wrapper(env -> { }, "lesson", "site", "--out", clone.resolve("site-out").toString());
        assertEquals(0, site.exit(), site.output());
        assertTrue(Files.isRegularFile(clone.resolve("site-out/03-clusterip.html")), site.output());
    }

    /**
     * A first build cut short (Ctrl-C) can leave jbang an engine jar without the main class, which jbang takes as built; the
     * wrapper notices and builds it again instead of failing every command with "Could not find or load main class Lesson".
     * jbang's and the wrapper's caches are the test's own, so no other clone's jar is touched.
     */
    @Test
    void anEngineJarCutShortIsBuiltAgain() throws Exception {
        copyClone();
        Path jbangHome = clone.resolve(".jbang-home");
        Consumer<Map<String, String>> own = env -> {
            env.put("XDG_CACHE_HOME", clone.resolve(".cache").toString());
            env.put("JBANG_DIR", jbangHome.toString());
        };
        Run first = wrapper(own, "lesson", "--version");
        assertEquals(0, first.exit(), first.output());
        Path plan;
        try (Stream<Path> files = Files.list(clone.resolve(".cache/kubelessons/jbang"))) {
            plan = files.filter(f -> f.getFileName().toString().endsWith(".classpath")).findFirst().orElseThrow();
        }
        Path engineJar = Path.of(Files.readString(plan).strip().split(":")[0]);
        assertTrue(engineJar.startsWith(jbangHome), "the engine jar is the test's own: " + engineJar);

        // As an interrupted build left it once: jbang's manifest and most entries, but not the main class.
        Path whole = clone.resolve("whole.jar");
        Files.move(engineJar, whole);
        try (var in = new java.util.zip.ZipFile(whole.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(engineJar))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                if (!entry.getName().equals("Lesson.class")) {
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    in.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Run again = wrapper(own, "lesson", "--version");
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("kubelessons 0.1.0") && again.output().contains("the engine's jar is incomplete"), again.output());
        try (var jar = new java.util.zip.ZipFile(engineJar.toFile())) {
            assertTrue(jar.getEntry("Lesson.class") != null, "rebuilt with its main class");
        }
    }

    private record Run(int exit, String output) {
    }

    /** ./jbang in the copy, jbang itself (never an installed one) and no cache variable, so HOME alone decides. */
    private Run wrapper(Consumer<Map<String, String>> home, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("./jbang"), Stream.of(args)).toList())
                .directory(clone.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("XDG_CACHE_HOME");
        env.remove("KUBELESSONS_CACHE");
        env.put("KUBELESSONS_BUNDLED_JBANG", "1");
        home.accept(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        // A cold jbang build of the engine takes minutes on a busy 2-core machine; a warm one about 4 s.
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./jbang " + String.join(" ", args) + " did not end within 10 minutes");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /**
     * What the wrapper reads: itself, the catalog, the jbang script and the engine's sources. The pinned jbang jar is
     * copied from the user's cache when it is there, so the test does not download it again.
     */
    private void copyClone() throws IOException {
        Path root = Fixtures.repositoryRoot();
        // The course file, and what the engine's jar carries (engine/Lesson.java's //FILES) besides its sources.
        for (String file : List.of("jbang", "jbang-catalog.json", "engine/Lesson.java", "course.yaml",
                "scripts/build-kwok.sh", "scripts/build-kind-node.sh")) {
            Files.createDirectories(clone.resolve(file).getParent());
            Files.copy(root.resolve(file), clone.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        try (Stream<Path> lessons = Files.list(root.resolve("lessons"))) {
            Files.createDirectories(clone.resolve("lessons"));
            for (Path lesson : lessons.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.copy(lesson, clone.resolve("lessons").resolve(lesson.getFileName().toString()));
            }
        }
        for (String tree : List.of("engine/src/main", "templates", "cluster", "scripts/lib")) {
            Path sources = root.resolve(tree);
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = clone.resolve(tree).resolve(sources.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        Path jar = Path.of(System.getProperty("user.home"), ".cache/kubelessons/jbang", JBANG_JAR);
        if (Files.isRegularFile(jar)) {
            Path seeded = clone.resolve(".cache/kubelessons/jbang").resolve(JBANG_JAR);
            Files.createDirectories(seeded.getParent());
            Files.copy(jar, seeded);
        }
    }

    private static List<String> listRoot() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/"))) {
            return entries.map(Path::toString).sorted().toList();
        }
    }
}
