package dev.kubelessons.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real crash of one kwok component for tests: SIGKILL the process its kwokctl pid file names, and wait until it is gone. */
final class ComponentKill {

    private ComponentKill() {
    }

    /** Kills {@code component} (etcd, kube-apiserver, ...) of the cluster in {@code clusterDir}; returns the pid it had. */
    static long kill(Path clusterDir, String component) throws IOException {
        long pid = Long.parseLong(Files.readString(clusterDir.resolve("pids").resolve(component + ".pid")).strip());
        String argv0 = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                .split("\0")[0];
        // Never kill a stranger: a pid file can outlive its process and the pid be reused.
        if (!argv0.equals(clusterDir.resolve("bin").resolve(component).toString())) {
            throw new IllegalStateException("pid " + pid + " runs " + argv0 + ", not " + component + " of " + clusterDir);
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        // Gone, or a zombie nobody has reaped yet: either way it serves nothing any more.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (process.isAlive() && !zombie(pid)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(component + " (pid " + pid + ") survived SIGKILL for 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return pid;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    static long pid(Path clusterDir, String component) throws IOException {
        return Long.parseLong(Files.readString(clusterDir.resolve("pids").resolve(component + ".pid")).strip());
    }
}
