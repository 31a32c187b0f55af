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
