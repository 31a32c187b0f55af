package dev.kubelessons.runner;

import dev.kubelessons.cluster.ClusterAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real outage of a kwok cluster's kube-apiserver for tests: SIGKILL the process, then start
 * it again with the same command line (etcd keeps the state), and record the new pid where
 * kwokctl will find it at teardown.
 */
public final class ApiServerOutage {

    private final Path clusterDir;
    private List<String> commandLine;
    private Path workingDir;

    public ApiServerOutage(ClusterAccess access) {
        this.clusterDir = access.kubeconfig().toAbsolutePath().getParent();
    }

    public void kill() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(clusterDir.resolve("pids/kube-apiserver.pid")).strip());
        byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
        commandLine = Arrays.stream(new String(raw, StandardCharsets.UTF_8).split("\0")).filter(s -> !s.isEmpty()).toList();
        workingDir = Path.of("/proc", String.valueOf(pid), "cwd").toRealPath();
        if (!commandLine.get(0).endsWith("kube-apiserver")) {
            throw new IllegalStateException("pid " + pid + " is not a kube-apiserver: " + commandLine.get(0));
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        process.ifPresent(ProcessHandle::destroyForcibly);
        if (process.isPresent()) {
            process.get().onExit().join();
        }
    }

    /**
     * The API server goes silent without closing anything (SIGSTOP): connections stay open and unanswered, so
     * only a client's own timeouts can tell. {@link #thaw()} lets it go on.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        String pid = Files.readString(clusterDir.resolve("pids/kube-apiserver.pid")).strip();
        if (new ProcessBuilder("kill", "-" + name, pid).inheritIO().start().waitFor() != 0) {
            throw new IOException("kill -" + name + " " + pid + " failed");
        }
    }

    /** Whether a component of the cluster (e.g. kube-controller-manager) still runs, by kwokctl's pid file. */
    public boolean alive(String component) throws IOException {
        long pid = Long.parseLong(Files.readString(clusterDir.resolve("pids/" + component + ".pid")).strip());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public void restart() throws IOException {
        Path log = clusterDir.resolve("logs/kube-apiserver.log");
        Process process = new ProcessBuilder(commandLine).directory(workingDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true).start();
        Files.writeString(clusterDir.resolve("pids/kube-apiserver.pid"), String.valueOf(process.pid()));
    }
}
