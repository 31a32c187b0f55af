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
 * {@code lesson 03-clusterip} in a real pseudo-terminal (tmux) with TERM=dumb, so the plain line view,
 * as its own process against the kwok cluster: fail, fast-forward, pass, next step, hint, quit.
 * (The full screen has its own scenario, {@link FullScreenOnKwokTest}.)
 */
@KwokCluster
class InteractiveLoopInTerminalTest {

    @TempDir
    Path state;

    @Test
    void walksThroughALessonInATerminal(ClusterAccess access) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of("env", "TERM=dumb", "KUBECONFIG=" + access.kubeconfig(), "KUBELESSONS_STATE=" + state,
                "KUBELESSONS_ROOT=" + Fixtures.repositoryRoot(), java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.kubelessons.cli.Main", "03-clusterip", "--cluster", "context:" + access.context(), "--no-color");
        try (Tmux tmux = new Tmux("kltest-" + ProcessHandle.current().pid(), command, 160, 50)) {
            tmux.waitFor("Step 1/", 120);
            tmux.waitFor("[FAIL] The Service my-nginx exists", 30);
            // The FAIL comes from the watch's own thread as soon as it has listed the namespace; the SKIPs only from the
            // tutor's first evaluation of every check, after the watch has also synced the map's kinds (up to 30 s each):
            // poll for them rather than trust the fixed sleep below, which is for the "printed twice" check only.
            tmux.waitForAll(60, "[SKIP]", "no data plane");
            Thread.sleep(2000); // let every first verdict arrive: none may be printed twice
            String screen = tmux.screen();
            assertTrue(screen.indexOf("[FAIL]") > screen.indexOf("Step 1/"), "a FAIL line before the step header:\n" + screen);
            assertEquals(1, screen.split("\\[FAIL] The Service my-nginx exists", -1).length - 1, "the FAIL block is printed twice:\n" + screen);
            assertTrue(screen.contains("The runner created Deployment my-nginx"), "setup is not described:\n" + screen);
            assertFalse(screen.contains("```"), "a code fence on screen:\n" + screen);
            assertTrue(screen.contains("[SKIP]") && screen.contains("no data plane"), "data-plane checks must be SKIPPED on kwok:\n" + screen);
            assertFalse(screen.contains("\u001b["), "--no-color must print no escape codes");

            tmux.type("f");
            tmux.waitFor("[PASS] The Service my-nginx exists", 60);
            // Two of step 1's checks need a data plane: skipped on kwok, so the step is not called done, only passable.
            tmux.waitFor("Step 1: every check that can run here passes; 2 were skipped", 60);
            assertFalse(tmux.screen().contains("Step 1 done!"), "a step with skipped checks is called done:\n" + tmux.screen());
            tmux.type("n");
            tmux.waitFor("Step 2/", 30);
            tmux.type("h");
            tmux.waitFor("Hint", 30);
            tmux.type("q");
            tmux.waitFor("Bye.", 30);
            // Quitting on purpose is exit 0, finished or not (--check keeps its exit codes).
            assertEquals(0, tmux.waitForExit(60));
        }
        String progress = Files.readString(state.resolve("progress.json"));
        assertTrue(progress.contains("service-exists"), progress);
    }
}
