package dev.kubelessons;

import dev.kubelessons.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real command line in a JVM of its own, for what one JVM cannot vary: environment variables such as
 * KUBELESSONS_STATE or KUBECONFIG, read once at start. Each run's output is echoed to stderr for the test report.
 */
public final class CliProcess {

    /** How one command ended, with what it printed. */
    public record Run(int exit, String out, String err) {
        public String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final Map<String, String> env;

    /** {@code env} is added to this JVM's environment; KUBELESSONS_ROOT is this clone unless given. */
    public CliProcess(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Starts the command without waiting, its output going to these files: for one that runs until stopped ({@code site --serve}). */
    public Process start(Path out, Path err, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("KUBELESSONS_ROOT", Fixtures.repositoryRoot().toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    public Run run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kubelessons-cli", ".out");
        Path err = Files.createTempFile("kubelessons-cli", ".err");
        try {
            Process process = start(out, err, args);
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
