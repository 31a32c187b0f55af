package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full screen in a real terminal (tmux) at 120, 80 and 60 columns: the footer always ends in {@code ? keys · q quit}
 * (entries give way by need, never the way out), {@code ?} lists every key, and the header keeps the namespace.
 */
@KwokCluster
class NarrowFullScreenOnKwokTest {

    @TempDir
    Path state;

    @Test
    void theFooterKeepsQuitAndHelpAndTheHeaderKeepsTheNamespaceAtAnyWidth(ClusterAccess access) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of("env", "TERM=xterm-256color", "KUBECONFIG=" + access.kubeconfig(), "KUBELESSONS_STATE=" + state,
                "KUBELESSONS_ROOT=" + Fixtures.repositoryRoot(), java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.kubelessons.cli.Main", "03-clusterip", "--cluster", "context:" + access.context());
        try (Tmux tmux = new Tmux("klnarrow-" + ProcessHandle.current().pid(), command, 120, 30)) {
            tmux.waitVisible("Press Enter to start", true, 120);
            tmux.press("Enter");
            // FAIL or PASS alike: what another test left in the shared cluster does not matter to the frame.
            tmux.waitVisible("] The Service my-nginx exists", true, 60);
            for (int[] size : new int[][] {{120, 30}, {80, 24}, {60, 20}}) {
                tmux.resize(size[0], size[1]);
                String screen = waitForLastLine(tmux, "q quit", size[0]);
                List<String> lines = screen.lines().toList();
                String footer = lines.get(lines.size() - 1);
                assertTrue(footer.strip().endsWith("? keys · q quit") || !footer.contains("…") && footer.contains("q quit"),
                        size[0] + " columns: footer cut or without quit: '" + footer + "'\n" + screen);
                assertTrue(!footer.contains("…"), size[0] + " columns: a footer entry cut: '" + footer + "'");
                assertTrue(lines.get(0).contains("namespace kl-03-clusterip"), size[0] + " columns: header lost the namespace:\n" + screen);
            }
            tmux.press("?");
            tmux.waitVisible("▌ Keys", true, 10);
            String keys = tmux.visible();
            assertTrue(keys.contains("fast-forward") || keys.contains("check now"), "? lists the keys the footer dropped:\n" + keys);
            tmux.press("q");
            assertEquals(0, tmux.waitForExit(60));
        }
    }

    /**
     * The screen once the redraw that follows SIGWINCH has settled: its last line holds {@code text}, no line is wider
     * than the terminal, and two captures 300 ms apart agree. Polled with a deadline; on timeout the assertions say what is wrong.
     */
    private static String waitForLastLine(Tmux tmux, String text, int width) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String previous = "";
        while (true) {
            String screen = tmux.visible();
            List<String> lines = screen.lines().toList();
            if (screen.equals(previous) && !lines.isEmpty() && lines.get(lines.size() - 1).contains(text)
                    && lines.stream().allMatch(l -> l.length() <= width)) {
                return screen;
            }
            if (System.nanoTime() > deadline) {
                return screen;
            }
            previous = screen;
            Thread.sleep(300);
        }
    }
}
