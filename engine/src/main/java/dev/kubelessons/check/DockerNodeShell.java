package dev.kubelessons.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A kind node is a Docker container named {@code <cluster>-<node>}; this shell enters it with {@code docker exec}. */
public final class DockerNodeShell implements NodeShell {

    private final String cluster;
    private final Duration timeout;

    public DockerNodeShell(String cluster) {
        this(cluster, Duration.ofSeconds(30));
    }

    public DockerNodeShell(String cluster, Duration timeout) {
        this.cluster = cluster;
        this.timeout = timeout;
    }

    /** {@code control-plane} becomes {@code kubelessons-control-plane}; a full container name is kept as it is. */
    public String container(String node) {
        return node.startsWith(cluster + "-") ? node : cluster + "-" + node;
    }

    /** The argv run for one command; no shell in between, so lesson text is never interpreted twice. */
    public List<String> argv(String node, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("docker", "exec", container(node)));
        argv.addAll(command);
        return argv;
    }

    @Override
    public String run(String node, List<String> command) {
        List<String> argv = argv(node, command);
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new NodeShellException("cannot run docker (" + e.getMessage() + "); node commands need Docker and a kind cluster");
        }
        // Read both streams concurrently: iptables-save output can exceed a pipe buffer and block the process.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new NodeShellException(String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                String reason = err.join().strip();
                // docker's own refusals (no such container, a stopped node) come from the daemon, not from the command.
                boolean daemon = reason.contains("No such container") || reason.contains("Error response from daemon");
                throw new NodeShellException(String.join(" ", argv) + " exited with " + process.exitValue()
                        + (reason.isEmpty() ? "" : ": " + reason)
                        + (daemon ? " (is the kind cluster '" + cluster + "' running?)" : ""), !daemon);
            }
            return out.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NodeShellException("interrupted while running " + String.join(" ", argv));
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
