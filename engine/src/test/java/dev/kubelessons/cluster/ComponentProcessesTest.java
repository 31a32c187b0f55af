package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which components of a kwok cluster folder run, with real processes: a component counts only if its pid runs a binary
 * of the cluster's bin/ folder, so a recycled pid is dead, and a component kwok.yaml names without a pid file is dead.
 */
class ComponentProcessesTest {

    @TempDir
    Path clusterDir;

    @Test
    void aComponentRunsOnlyIfItsPidRunsTheClustersBinary() throws Exception {
        Files.writeString(clusterDir.resolve("kwok.yaml"), """
                apiVersion: config.kwok.x-k8s.io/v1alpha1
                kind: KwokctlConfiguration
                components:
                - name: etcd
                  binary: /x/bin/etcd
                - name: kube-apiserver
                - name: kube-scheduler
                ---
                apiVersion: kwok.x-k8s.io/v1alpha1
                kind: Stage
                metadata:
                  name: node-initialize
                """);
        Files.createDirectories(clusterDir.resolve("bin"));
        Files.createDirectories(clusterDir.resolve("pids"));
        // kube-scheduler: a real process started as bin/kube-scheduler, as kwokctl starts components (sleep stands in).
        Path scheduler = Files.createSymbolicLink(clusterDir.resolve("bin/kube-scheduler"), Path.of("/bin/sleep"));
        Process running = new ProcessBuilder(scheduler.toString(), "60").start();
        try {
            Files.writeString(clusterDir.resolve("pids/kube-scheduler.pid"), Long.toString(running.pid()));
            // etcd: its pid file names a live process that is not etcd (this JVM), as after a reboot recycled the pid.
            Files.writeString(clusterDir.resolve("pids/etcd.pid"), Long.toString(ProcessHandle.current().pid()));

            ComponentProcesses processes = ComponentProcesses.read(clusterDir);

            assertEquals(List.of("etcd", "kube-apiserver", "kube-scheduler"),
                    processes.components().stream().map(ComponentProcesses.Component::name).toList(), "kwok.yaml's order");
            assertEquals(List.of("etcd", "kube-apiserver"), processes.dead().stream().map(ComponentProcesses.Component::name).toList());
            String apiServer = processes.components().get(1).describe();
            assertTrue(apiServer.startsWith("kube-apiserver: not running (no pid file; log: "), apiServer);
            assertTrue(apiServer.contains(clusterDir.resolve("logs/kube-apiserver.log").toString()), apiServer);
            assertEquals("kube-scheduler: running (pid " + running.pid() + ")", processes.components().get(2).describe());

            running.destroyForcibly().waitFor();
            assertEquals(3, ComponentProcesses.read(clusterDir).dead().size(), "a killed component is dead");
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void theLastLineOfALogSaysWhyAComponentExited() throws Exception {
        Path log = Files.writeString(clusterDir.resolve("kube-apiserver.log"), "I1202 starting\nE1202 bind: address already in use\n\n");
        assertEquals("E1202 bind: address already in use", ComponentRestart.lastLine(log).orElseThrow());
        assertTrue(ComponentRestart.lastLine(clusterDir.resolve("missing.log")).isEmpty());
    }
}
