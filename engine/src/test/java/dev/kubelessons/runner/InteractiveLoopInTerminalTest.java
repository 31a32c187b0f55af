package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lesson 03-clusterip} as a learner types it, in a real pseudo-terminal (tmux), as its
 * own process against the kwok cluster: fail, fast-forward, pass, next step, hint, quit.
 */
@KwokCluster
class InteractiveLoopInTerminalTest {

    @TempDir
    Path state;

    @Test
    void walksThroughALessonInATerminal(ClusterAccess access) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of("env", "KUBECONFIG=" + access.kubeconfig(), "KUBELESSONS_STATE=" + state,
                "KUBELESSONS_ROOT=" + Fixtures.repositoryRoot(), java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.kubelessons.cli.Main", "03-clusterip", "--cluster", "context:" + access.context(), "--no-color");
        try (Tmux tmux = new Tmux("kltest-" + ProcessHandle.current().pid(), command, 160, 50)) {
            tmux.waitFor("Step 1/", 120);
            tmux.waitFor("[FAIL] The Service my-nginx exists", 30);
            String screen = tmux.screen();
            assertTrue(screen.contains("[SKIP]") && screen.contains("no data plane"), "data-plane checks must be SKIPPED on kwok:\n" + screen);
            assertFalse(screen.contains("\u001b["), "--no-color must print no escape codes");

            tmux.type("f");
            tmux.waitFor("[PASS] The Service my-nginx exists", 60);
            tmux.waitFor("Step 1 done!", 60);
            tmux.type("n");
            tmux.waitFor("Step 2/", 30);
            tmux.type("h");
            tmux.waitFor("Hint", 30);
            tmux.type("q");
            tmux.waitFor("Bye.", 30);
            // Exit 1: the lesson is not finished (only step 1 was solved).
            assertEquals(1, tmux.waitForExit(60));
        }
        String progress = Files.readString(state.resolve("progress.json"));
        assertTrue(progress.contains("service-exists"), progress);
    }
}
