package dev.kubelessons.cluster;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Brings a kwok cluster whose components died back on its own data: kwokctl starts the dead ones again from the
 * cluster's kwok.yaml, on the same etcd data dir, certificates and kubeconfig, so namespaces and every client's
 * kubeconfig stay valid. It never deletes a cluster; when a component will not stay up it names the component, its
 * log, and 'cluster down' as the one command that would start over.
 */
final class ComponentRestart {

    private static final long POLL_MS = 200;
    /** A log's last line is what a component said before it exited; reading the last 16 KiB finds it in a long log. */
    private static final int LOG_TAIL_BYTES = 16 * 1024;

    private final Kwokctl kwokctl;
    private final String cluster;
    private final ClusterAccess access;

    ComponentRestart(Kwokctl kwokctl, String cluster, ClusterAccess access) {
        this.kwokctl = kwokctl;
        this.cluster = cluster;
        this.access = access;
    }

    /** Starts the components that do not run (none if all do), then waits until all run and the API answers. */
    void run(PrintWriter out, Duration timeout) {
        List<ComponentProcesses.Component> dead = ComponentProcesses.read(kwokctl.clusterDir()).dead();
        if (!dead.isEmpty()) {
            out.println("kwok cluster '" + cluster + "': " + names(dead) + (dead.size() == 1 ? " is" : " are")
                    + " not running; restarting on the cluster's own data (etcd, certificates and kubeconfig in "
                    + kwokctl.clusterDir() + " are kept)");
            out.flush();
            for (ComponentProcesses.Component component : dead) {
                // kwokctl skips a component whose pid answers signal 0, which a zombie or a recycled pid does: without
                // its stale pid file, kwokctl starts it again. The file holds a pid, no data.
                deleteStale(component.pidFile());
            }
            // --timeout bounds kwokctl's own wait for the API; ours below also watches the components' processes.
            ExternalCommand.Result started = kwokctl.run(out, null, "start", "cluster", "--timeout", "30s");
            if (!started.ok()) {
                throw cannotRestart(dead.get(0), "kwokctl could not start " + names(dead) + ": " + Kwokctl.reason(started));
            }
        }
        awaitRunning(timeout);
    }

    /** Fails at once when a component exits (a taken port, a damaged data dir): waiting longer would not help. */
    private void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ComponentProcesses.Component> down = ComponentProcesses.read(kwokctl.clusterDir()).dead();
            if (!down.isEmpty()) {
                ComponentProcesses.Component first = down.get(0);
                throw cannotRestart(first, first.name() + " exited after starting on the cluster's own data"
                        + lastLine(first.logFile()).map(line -> ": " + line).orElse(""));
            }
            if (ReadinessWait.apiReadyNow(access)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                // Its log says why it is not ready (etcd unreachable, a post-start hook failing).
                var apiServer = new ComponentProcesses.Component("kube-apiserver", Optional.empty(), kwokctl.clusterDir());
                throw cannotRestart(apiServer, "the kube-apiserver runs but did not answer /readyz within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrerequisiteException("interrupted while restarting kwok cluster '" + cluster + "'", "run 'cluster up' again");
            }
        }
    }

    private PrerequisiteException cannotRestart(ComponentProcesses.Component component, String what) {
        return new PrerequisiteException("kwok cluster '" + cluster + "' could not be restarted on its own data: " + what
                + " (nothing was deleted)",
                "read " + component.logFile() + " and fix the cause (a port another program took, a full disk), then run "
                        + "'" + Launcher.command("cluster up --provider kwok") + "' again. Only if the cluster cannot be saved: "
                        + "'" + Launcher.command("cluster down --provider kwok") + "' deletes it with all its namespaces, and 'cluster up' then "
                        + "creates a new one");
    }

    private static void deleteStale(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new PrerequisiteException("cannot remove the stale pid file " + pidFile + ": " + e.getMessage(),
                    "make " + pidFile.getParent() + " writable for this user, then run 'cluster up' again", e);
        }
    }

    /** The last non-blank line of a log, shortened for one error line. */
    static Optional<String> lastLine(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty()) {
                    return Optional.of(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String names(List<ComponentProcesses.Component> components) {
        return String.join(", ", components.stream().map(ComponentProcesses.Component::name).toList());
    }
}
