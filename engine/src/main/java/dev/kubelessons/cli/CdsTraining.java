package dev.kubelessons.cli;

import dev.kubelessons.runner.ProgressStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload the {@code ./jbang} wrapper runs once per engine build under
 * {@code -XX:ArchiveClassesAtExit}: the start-up commands on the real course (help, list,
 * lint, a site into a temporary folder) and a progress file written and read, so that the class-data sharing archive holds every
 * class they load, already parsed and verified, and later commands map it instead of loading
 * ~3,000 classes from 80 jars. Hidden: not a subcommand, not in any usage.
 */
final class CdsTraining {

    static final String FLAG = "--cds-training";

    private CdsTraining() {
    }

    static int run() {
        Path out = null;
        try {
            out = Files.createTempDirectory("kubelessons-cds-training");
            // A learner's list reads a progress file; the training machine may have none, so it writes one of its own.
            ProgressStore progress = new ProgressStore(out.resolve("progress.json"), Clock.systemUTC());
            progress.record("01-training", List.of("a-check"), false);
            progress.all();
            Main.run("--help");
            Main.run("list");
            Main.run("lint");
            return Main.run("site", "--out", out.resolve("site").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(out);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is the system's to clean.
        }
    }
}
