package dev.kubelessons.cluster;

import dev.kubelessons.CliProcess;
import java.io.IOException;
import java.util.Map;

/**
 * The real command line in a JVM of its own whose state dir is a test's: 'cluster up|status --provider kwok' there
 * address that test's own kwok cluster named kubelessons, never the user's, while the built binaries are shared.
 */
final class KwokCli {

    private final CliProcess cli;

    KwokCli(UserDirs dirs) {
        this.cli = new CliProcess(Map.of("KUBELESSONS_STATE", dirs.state().toString(), "KUBELESSONS_CACHE", dirs.cache().toString()));
    }

    CliProcess.Run run(String... args) throws IOException, InterruptedException {
        return cli.run(args);
    }
}
