package dev.kubelessons.cluster;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs kwokctl against one named cluster whose files live under our own work dir, never ~/.kwok. */
final class Kwokctl {

    // kwokctl logs JSON when its output is not a terminal; users should read the message, not the JSON.
    private static final Pattern MESSAGE = Pattern.compile("\"msg\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ERROR = Pattern.compile("\"err\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path bin;
    private final Path workDir;
    private final String cluster;

    /** {@code bin}: the folder of our build, holding kwokctl and the components. */
    Kwokctl(Path bin, Path workDir, String cluster) {
        this.bin = bin;
        this.workDir = workDir;
        this.cluster = cluster;
    }

    ExternalCommand.Result run(PrintWriter out, Path config, String... args) {
        List<String> argv = new ArrayList<>(List.of(bin.resolve("kwokctl").toString(), "--name", cluster));
        if (config != null) {
            argv.add("--config");
            argv.add(config.toString());
        }
        argv.addAll(List.of(args));
        // KWOK_WORKDIR keeps every cluster file (pki, etcd data, pids, logs) in the user's state dir; our bin first
        // on PATH because kwokctl runs "kubectl" from PATH for its own readiness checks, and it should be our build's.
        String path = bin + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        return new ExternalCommand(argv, Map.of("KWOK_WORKDIR", workDir.toString(), "PATH", path))
                .streamTo(line -> {
                    if (out != null) {
                        out.println("  kwokctl: " + readable(line));
                        out.flush();
                    }
                }, true)
                .run();
    }

    /** The message (and error, if any) of one kwokctl log line. */
    static String readable(String line) {
        Matcher message = MESSAGE.matcher(line);
        if (!message.find()) {
            return line;
        }
        Matcher error = ERROR.matcher(line);
        return unescape(message.group(1)) + (error.find() ? ": " + unescape(error.group(1)) : "");
    }

    /** The last readable line of a failed run, for the error message. */
    static String reason(ExternalCommand.Result result) {
        List<String> tail = result.tail();
        return tail.isEmpty() ? "kwokctl exited with " + result.exitCode() : readable(tail.get(tail.size() - 1));
    }

    private static String unescape(String json) {
        return json.replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\");
    }

    Path clusterDir() {
        return workDir.resolve("clusters").resolve(cluster);
    }
}
