package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's case: reset, --solve, then --check: the lesson stays "solved by the runner", a --check does not make it the learner's. */
@KwokCluster
class CheckAfterSolveOnKwokTest {

    @TempDir
    Path state;

    @Test
    void aCheckAfterSolveKeepsTheRunnersCompletion(ClusterAccess access) throws Exception {
        CliProcess cli = new CliProcess(Map.of("KUBELESSONS_STATE", state.toString(), "KUBECONFIG", access.kubeconfig().toString()));
        String cluster = "context:" + access.context();
        assertEquals(0, cli.run("reset", "03-clusterip", "--cluster", cluster).exit());
        CliProcess.Run solve = cli.run("03-clusterip", "--solve", "--cluster", cluster);
        assertEquals(0, solve.exit(), solve.both());
        String solved = Files.readString(state.resolve("progress.json"));
        assertTrue(solved.replace(" ", "").contains("\"finishedBy\":\"runner\""), solved);

        CliProcess.Run check = cli.run("03-clusterip", "--check", "--cluster", cluster);
        assertEquals(0, check.exit(), check.both());
        String progress = Files.readString(state.resolve("progress.json"));
        assertTrue(progress.replace(" ", "").contains("\"finishedBy\":\"runner\""), "a --check made the runner's solution the learner's:\n" + progress);
        CliProcess.Run list = cli.run("list");
        assertTrue(list.out().contains("by the runner"), list.both());
        // Leave the shared cluster's kl-03-clusterip as the other tests expect it: fresh, its checks failing.
        assertEquals(0, cli.run("reset", "03-clusterip", "--cluster", cluster).exit());
    }
}
