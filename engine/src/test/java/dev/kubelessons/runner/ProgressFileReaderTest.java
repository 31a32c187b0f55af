package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming read of progress.json agrees with what the store writes, and leaves every odd file to the store's long way. */
class ProgressFileReaderTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsEverythingTheStoreWrites() {
        Path file = dir.resolve("progress.json");
        ProgressStore store = new ProgressStore(file, clock);
        store.record("01-pods", List.of("b", "a"), false);
        store.record("02-deployments", List.of("x"), new ProgressStore.Completion(true, true, 0, "kind"));
        store.record("03-clusterip", List.of("y"), new ProgressStore.Completion(true, false, 2, "kwok"));

        Map<String, ProgressStore.LessonProgress> read = ProgressFileReader.read(file).orElseThrow();
        assertEquals(List.of("01-pods", "02-deployments", "03-clusterip"), List.copyOf(read.keySet()));
        assertEquals(new ProgressStore.LessonProgress(new java.util.TreeSet<>(List.of("a", "b")), Optional.empty(), false, 0, Optional.empty()), read.get("01-pods"));
        assertEquals(new ProgressStore.LessonProgress(new java.util.TreeSet<>(List.of("x")), Optional.of("2026-11-26T10:00:00Z"), true, 0, Optional.of("kind")),
                read.get("02-deployments"));
        assertEquals(new ProgressStore.LessonProgress(new java.util.TreeSet<>(List.of("y")), Optional.of("2026-11-26T10:00:00Z"), false, 2, Optional.of("kwok")),
                read.get("03-clusterip"));
        assertEquals(read, store.all());
    }

    @Test
    void skipsFieldsItDoesNotKnowAndReadsNullsAsNotSet() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"note\": {\"a\": [1, {\"b\": null}]}, \"lessons\": {\"01-pods\": {\"future\": [true],"
                + " \"finishedAt\": null, \"finishedBy\": null, \"passedChecks\": []}}, \"schemaVersion\": 1}");
        ProgressStore.LessonProgress pods = ProgressFileReader.read(file).orElseThrow().get("01-pods");
        assertEquals(new ProgressStore.LessonProgress(new java.util.TreeSet<>(), Optional.empty(), false, 0, Optional.empty()), pods);
    }

    @Test
    void leavesOddFilesToTheStoreWhichStillSetsThemAside() throws Exception {
        Path file = dir.resolve("progress.json");
        for (String odd : List.of("{\"schemaVersion\": 2, \"lessons\": {}}", "{\"lessons\": {}}", "{\"schemaVersion\": 1, \"lessons\": {\"a\": {\"passedChecks\": [3]}}}",
                "{\"schemaVersion\": 1, \"lessons\": {}} trailing", "[1]", "{\"schemaVersion\": 1,")) {
            Files.writeString(file, odd);
            assertEquals(Optional.empty(), ProgressFileReader.read(file), odd);
        }
        Files.writeString(file, "{\"schemaVersion\": 2, \"lessons\": {}}");
        assertTrue(new ProgressStore(file, clock).all().isEmpty());
        assertTrue(Files.notExists(file), "a newer file is kept aside by the store, as before");
        assertEquals(Optional.empty(), ProgressFileReader.read(dir.resolve("missing.json")));
    }
}
