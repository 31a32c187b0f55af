package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kwok cluster's binaries (kube-apiserver, etcd, kwok, kwokctl, ...), located in the user's cache or
 * built there by scripts/build-kwok.sh, which alone knows the pinned versions and the cache key.
 */
public final class KwokBinaries {

    static final String SCRIPT = "scripts/build-kwok.sh";
    private static final int SCRIPT_PREREQUISITE = 3;

    private final UserDirs dirs;

    public KwokBinaries(UserDirs dirs) {
        this.dirs = dirs;
    }

    /** The bin directory if every binary is already built; never starts a build. */
    public Optional<Path> cached() {
        Path script = script();
        ExternalCommand.Result result = new ExternalCommand(List.of("bash", script.toString(), "--cached"), env()).run();
        return result.ok() ? Optional.of(Path.of(result.lastStdoutLine())) : Optional.empty();
    }

    /** The bin directory, building what is missing first (minutes when cold); build progress goes to {@code out}. */
    public Path ensure(PrintWriter out) {
        Path script = script();
        ExternalCommand.Result result = new ExternalCommand(List.of("bash", script.toString()), env())
                .streamTo(line -> progress(out, line), false)
                .run();
        if (!result.ok()) {
            String reason = result.tail().isEmpty() ? "no output" : result.tail().get(result.tail().size() - 1);
            String next = result.exitCode() == SCRIPT_PREREQUISITE && reason.contains("Go is not installed")
                    ? "install Go 1.24 or newer (Debian: apt-get install golang-go), then run 'cluster up' again"
                    : "fix the cause above, then run 'bash " + script + "' to rebuild (it resumes where it stopped)";
            // "Go is not installed" says it all; a failed go build needs its last lines to be understood.
            String detail = reason.contains("Go is not installed") ? "" : System.lineSeparator()
                    + "  last output:" + System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", result.tail());
            throw new PrerequisiteException("building the kwok binaries failed (exit " + result.exitCode() + "): " + reason + detail, next);
        }
        Path bin = Path.of(result.lastStdoutLine());
        if (!Files.isExecutable(bin.resolve("kwokctl"))) {
            throw new PrerequisiteException(SCRIPT + " reported " + bin + " but kwokctl is not there",
                    "delete that folder and run 'cluster up' again to rebuild");
        }
        return bin;
    }

    /** Only the script's own progress lines: go's hundreds of "downloading" lines are kept for errors, not shown. */
    private static void progress(PrintWriter out, String line) {
        if (line.startsWith("[build-kwok") || line.startsWith("build-kwok:")) {
            out.println("  " + line);
            out.flush();
        }
    }

    private Map<String, String> env() {
        return Map.of("KUBELESSONS_CACHE", dirs.cache().toString());
    }

    private static Path script() {
        Path root = RepositoryRoot.find().orElseThrow(() -> new PrerequisiteException(
                "cannot find " + SCRIPT + ", which builds the kwok binaries",
                "the engine build is broken (its kubelessons-home files are missing): rebuild it with 'jbang --fresh lesson ...', or set KUBELESSONS_ROOT to a kubelessons clone"));
        return root.resolve(SCRIPT);
    }
}
