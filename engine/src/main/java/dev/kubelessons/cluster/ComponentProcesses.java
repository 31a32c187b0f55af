package dev.kubelessons.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The control-plane processes of one kwok cluster: the components its kwok.yaml names, each with the process the pid
 * file kwokctl wrote for it (clusters/NAME/pids/COMPONENT.pid) points at, if that process still runs.
 */
record ComponentProcesses(Path clusterDir, List<Component> components) {

    /** One component (etcd, kube-apiserver, ...), the pid its pid file names (if any), and where it logs. */
    record Component(String name, Optional<Long> pid, Path clusterDir) {

        /**
         * Runs, and is this cluster's component. kwokctl itself only asks whether the pid answers signal 0, which a
         * zombie does, and so does an unrelated process that got the pid of a component that died (after a reboot,
         * say): we also require the process to run a binary from this cluster's bin/ folder, as kwokctl starts them.
         */
        boolean alive() {
            Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of);
            return process.isPresent() && process.get().isAlive() && !zombie(pid.get())
                    && argv0(pid.get()).startsWith(binPrefix(clusterDir));
        }

        Path pidFile() {
            return clusterDir.resolve("pids").resolve(name + ".pid");
        }

        Path logFile() {
            return clusterDir.resolve("logs").resolve(name + ".log");
        }

        String describe() {
            if (alive()) {
                return name + ": running (pid " + pid.get() + ")";
            }
            return name + ": not running (" + pid.map(p -> "pid " + p + " exited").orElse("no pid file") + "; log: " + logFile() + ")";
        }
    }

    /** The components kwok.yaml names in kwokctl's start order, then any other pid file found (an older cluster's). */
    static ComponentProcesses read(Path clusterDir) {
        Set<String> names = new LinkedHashSet<>(SavedKwokConfig.componentNames(clusterDir));
        Path pids = clusterDir.resolve("pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pid")).sorted()
                        .forEach(f -> names.add(f.substring(0, f.length() - ".pid".length())));
            } catch (IOException e) {
                // An unreadable pids folder means we know of no processes; status then says "not running".
            }
        }
        List<Component> found = new ArrayList<>();
        for (String name : names) {
            found.add(new Component(name, parsePid(pids.resolve(name + ".pid")), clusterDir));
        }
        return new ComponentProcesses(clusterDir, List.copyOf(found));
    }

    List<Component> dead() {
        return components.stream().filter(c -> !c.alive()).toList();
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
            Optional<ProcessHandle> process = component.pid().flatMap(ProcessHandle::of);
            if (component.alive() && process.isPresent() && ownedByCluster(process.get())) {
                stop(process.get());
                stopped.add(component.name() + " (pid " + component.pid().get() + ")");
            }
        }
        String binPrefix = binPrefix(clusterDir);
        ProcessHandle.allProcesses()
                .filter(p -> p.isAlive() && argv0(p.pid()).startsWith(binPrefix))
                .forEach(p -> {
                    String name = argv0(p.pid()).substring(binPrefix.length());
                    stop(p);
                    stopped.add(name + " (pid " + p.pid() + ")");
                });
        return stopped;
    }

    private static String binPrefix(Path clusterDir) {
        return clusterDir.resolve("bin").toString() + java.io.File.separator;
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
