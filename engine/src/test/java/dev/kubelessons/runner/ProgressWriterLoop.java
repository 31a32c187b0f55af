package dev.kubelessons.runner;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Test helper process: rewrites progress forever, to be killed with SIGKILL mid-write. */
public final class ProgressWriterLoop {
    public static void main(String[] args) {
        ProgressStore store = new ProgressStore(Path.of(args[0]), Clock.systemUTC());
        for (long i = 0; ; i++) {
            store.record("03-clusterip", List.of("check-" + (i % 500)), false);
        }
    }
}
