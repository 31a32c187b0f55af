package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ProgressStoreTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void recordsAndReadsBackWithASchemaVersion() throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve("progress.json"), clock);
        store.record("03-clusterip", List.of("service-exists"), false);
        store.record("03-clusterip", List.of("endpoints-ready"), true);
        ProgressStore.LessonProgress progress = new ProgressStore(dir.resolve("progress.json"), clock).of("03-clusterip");
        assertEquals(List.of("endpoints-ready", "service-exists"), List.copyOf(progress.passedChecks()));
        assertEquals("2026-11-26T10:00:00Z", progress.finishedAt().orElseThrow());
        assertEquals(1, JsonMapper.shared().readTree(dir.resolve("progress.json").toFile()).get("schemaVersion").asInt());
    }

    @Test
    void recordsHowALessonWasFinishedAndOnlyEverImprovesIt() {
        ProgressStore store = new ProgressStore(dir.resolve("progress.json"), clock);
        store.record("03-clusterip", List.of("service-exists"), new ProgressStore.Completion(true, true, 0, "kind"));
        ProgressStore.LessonProgress solved = store.of("03-clusterip");
        assertTrue(solved.finished() && solved.solvedByRunner() && !solved.done(), solved.toString());

        // By the learner on kwok beats by the runner; a later --solve does not take it back.
        store.record("03-clusterip", List.of(), new ProgressStore.Completion(true, false, 5, "kwok"));
        store.record("03-clusterip", List.of(), new ProgressStore.Completion(true, true, 0, "kind"));
        ProgressStore.LessonProgress onKwok = store.of("03-clusterip");
        assertEquals(false, onKwok.solvedByRunner());
        assertEquals(5, onKwok.unprovenChecks());
        assertEquals("kwok", onKwok.cluster().orElseThrow());
        assertFalse(onKwok.done());

        store.record("03-clusterip", List.of(), new ProgressStore.Completion(true, false, 0, "kind"));
        assertTrue(store.of("03-clusterip").done());
    }

    @Test
    void aFileFromBeforeTheCompletionFieldsReadsAsDoneByTheLearner() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"lessons\": {\"02-deployments\": {\"passedChecks\": [\"a\"], \"finishedAt\": \"2026-01-01T00:00:00Z\"}}}");
        ProgressStore.LessonProgress old = new ProgressStore(file, clock).of("02-deployments");
        assertTrue(old.done(), old.toString());
    }

    @Test
    void aCorruptFileIsKeptAsideNotLost() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"lessons\": {");
        ProgressStore store = new ProgressStore(file, clock);
        assertTrue(store.all().isEmpty());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("progress.json.bad-")));
        }
    }

    /** Kill -9 a process while it rewrites progress in a tight loop: the file must stay valid JSON. */
    @Test
    void killDashNineWhileWritingLeavesAValidFile() throws Exception {
        Path file = dir.resolve("progress.json");
        for (int round = 0; round < 5; round++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ProgressWriterLoop.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            // Wait until it has written at least once, then let it run into the middle of a write.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Thread.sleep(50 + round * 37L);
            writer.destroyForcibly(); // SIGKILL on Linux
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            var root = JsonMapper.shared().readTree(file.toFile());
            assertEquals(1, root.get("schemaVersion").asInt());
            assertFalse(root.get("lessons").get("03-clusterip").get("passedChecks").isEmpty());
        }
    }
}
