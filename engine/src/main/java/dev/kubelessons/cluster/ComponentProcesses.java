package dev.kubelessons.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The control-plane processes of one kwok cluster, read from the pid files kwokctl writes under the cluster folder. */
record ComponentProcesses(Path clusterDir, List<Component> components) {

    /** One component (etcd, kube-apiserver, ...) and its process, if that still runs. */
    record Component(String name, long pid, Optional<ProcessHandle> process) {
        boolean alive() {
            return process.isPresent() && process.get().isAlive() && !zombie(pid);
        }

        String describe() {
            return name + ": " + (alive() ? "running (pid " + pid + ")" : "not running");
        }
    }

    static ComponentProcesses read(Path clusterDir) {
        List<Component> found = new ArrayList<>();
        Path pids = clusterDir.resolve("pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    parsePid(file).ifPresent(pid -> found.add(new Component(name, pid, ProcessHandle.of(pid))));
                }
            } catch (IOException e) {
                // An unreadable pids folder means we know of no processes; status then says "not running".
            }
        }
        return new ComponentProcesses(clusterDir, List.copyOf(found));
    }

    boolean anyAlive() {
        return components.stream().anyMatch(Component::alive);
    }

    /**
     * Ends whatever is left after kwokctl's own delete, so no process outlives 'down': the components of the pid
     * files, and any other process running a binary from this cluster's bin/ folder (a component someone restarted
     * by hand, whose pid kwokctl never saw). Pid-file processes count only if their command line names this
     * cluster's folder: a pid file can outlive its process and the pid be reused.
     */
    List<String> stopLeftovers() {
        List<String> stopped = new ArrayList<>();
        for (Component component : components) {
            if (component.alive() && ownedByCluster(component.process().get())) {
                stop(component.process().get());
                stopped.add(component.name() + " (pid " + component.pid() + ")");
            }
        }
        String binPrefix = clusterDir.resolve("bin").toString() + java.io.File.separator;
        ProcessHandle.allProcesses()
                .filter(p -> p.isAlive() && argv0(p.pid()).startsWith(binPrefix))
                .forEach(p -> {
                    String name = argv0(p.pid()).substring(binPrefix.length());
                    stop(p);
                    stopped.add(name + " (pid " + p.pid() + ")");
                });
        return stopped;
    }

    /**
     * The program as started (argv[0]), from /proc: ProcessHandle reports the resolved executable, and the
     * cluster's bin/ entries are symlinks into the shared cache, so that path would not name the cluster.
     */
    private static String argv0(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            int end = 0;
            while (end < cmdline.length && cmdline[end] != 0) {
                end++;
            }
            return new String(cmdline, 0, end, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private boolean ownedByCluster(ProcessHandle process) {
        return process.info().arguments().map(args -> String.join(" ", args).contains(clusterDir.toString())).orElse(false)
                || process.info().commandLine().map(line -> line.contains(clusterDir.toString())).orElse(false);
    }

    /** A killed component whose parent (often init) has not reaped it yet still "is alive" to ProcessHandle. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The state letter follows the command name in parentheses, which may itself contain spaces.
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Long> parsePid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
