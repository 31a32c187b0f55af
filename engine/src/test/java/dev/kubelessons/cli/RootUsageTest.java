package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lesson --help} from the kept text prints exactly what picocli prints, and a kept text is per engine build. */
class RootUsageTest {

    @TempDir
    Path dir;

    @Test
    void theKeptUsageIsWhatPicocliPrintsAndIsKeptPerEngineBuild() throws Exception {
        String picocli = captured(() -> assertEquals(0, Main.run("--help")));
        assertTrue(picocli.contains("Usage: lesson") && picocli.contains("--check"), picocli);

        RootUsage usage = new RootUsage(dir, Optional.of("engine-1"));
        assertEquals(picocli, captured(() -> assertEquals(0, usage.print(System.out))), "rendered on a miss");
        Path kept;
        try (Stream<Path> files = Files.list(dir)) {
            kept = files.findFirst().orElseThrow();
        }
        assertEquals(picocli, Files.readString(kept));
        Files.writeString(kept, "the kept text\n");
        assertEquals("the kept text\n", captured(() -> usage.print(System.out)), "served from the cache on a hit");
        assertEquals(picocli, captured(() -> new RootUsage(dir, Optional.of("engine-2")).print(System.out)), "another build renders its own");
        assertEquals(picocli, captured(() -> new RootUsage(dir, Optional.empty()).print(System.out)), "no build identity: no cache");
        assertTrue(RootUsage.asked("--help") && RootUsage.asked("-h") && !RootUsage.asked("list", "--help") && !RootUsage.asked());
    }

    private static String captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            action.run();
            capture.flush();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
