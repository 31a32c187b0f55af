package dev.kubelessons.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** One external program run to completion, its output streamed line by line and its last lines kept for error messages. */
public final class ExternalCommand {

    /** How a finished command ended: its exit code, every stdout line, and the last lines of both streams. */
    public record Result(int exitCode, List<String> stdout, List<String> tail) {
        public boolean ok() {
            return exitCode == 0;
        }

        public String lastStdoutLine() {
            return stdout.isEmpty() ? "" : stdout.get(stdout.size() - 1).strip();
        }
    }

    private static final int TAIL_LINES = 15;

    private final List<String> argv;
    private final Map<String, String> env;
    private Consumer<String> progress = line -> { };
    private boolean streamStdout;

    public ExternalCommand(List<String> argv, Map<String, String> env) {
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
    }

    /** Stderr lines (and stdout lines, if {@code alsoStdout}) go to {@code sink} as they come, so long builds show progress. */
    public ExternalCommand streamTo(Consumer<String> sink, boolean alsoStdout) {
        this.progress = sink;
        this.streamStdout = alsoStdout;
        return this;
    }

    public Result run() {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        List<String> stdout = new ArrayList<>();
        // stderr is drained on its own thread: a chatty build would otherwise fill the pipe and stall.
        Thread errReader = new Thread(() -> drain(process, false, tail, null), "stderr-" + argv.get(0));
        errReader.setDaemon(true);
        errReader.start();
        drain(process, true, tail, stdout);
        try {
            int code = process.waitFor();
            errReader.join();
            synchronized (tail) {
                return new Result(code, List.copyOf(stdout), List.copyOf(tail));
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", argv), e);
        }
    }

    private void drain(Process process, boolean isStdout, Deque<String> tail, List<String> stdout) {
        var stream = isStdout ? process.getInputStream() : process.getErrorStream();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (stdout != null) {
                    stdout.add(line);
                }
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (!isStdout || streamStdout) {
                    progress.accept(line);
                }
            }
        } catch (IOException e) {
            // The process closed its stream early; its exit code tells the caller what happened.
        }
    }

    /** The executable {@code name} on $PATH, if any. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
