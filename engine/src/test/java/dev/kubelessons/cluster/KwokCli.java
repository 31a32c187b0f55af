package dev.kubelessons.cluster;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real command line in a JVM of its own whose state dir is a test's: 'cluster up|status --provider kwok' there
 * address that test's own kwok cluster named kubelessons, never the user's, while the built binaries are shared.
 */
final class KwokCli {

    /** How one command ended, with what it printed. */
    record Run(int exit, String out, String err) {
        String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final UserDirs dirs;

    KwokCli(UserDirs dirs) {
        this.dirs = dirs;
    }

    Run run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kwok-cli", ".out");
        Path err = Files.createTempFile("kwok-cli", ".err");
        try {
            List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            argv.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("KUBELESSONS_STATE", dirs.state().toString());
            builder.environment().put("KUBELESSONS_CACHE", dirs.cache().toString());
            builder.environment().put("KUBELESSONS_ROOT", Fixtures.repositoryRoot().toString());
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("'" + String.join(" ", args) + "' did not end within 5 minutes");
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            System.err.println("$ lesson " + String.join(" ", args) + "\n" + run.both());
            return run;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
