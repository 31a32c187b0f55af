package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.failure.ExitCodes;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state dir or progress file kubelessons cannot write is exit 3 naming the path and the fix, found before anything
 * is applied to the cluster (the run's kwok cluster, reached as --cluster context:, so that the state dir holds only
 * progress): never exit 4, never after --solve or reset changed the lesson's namespace.
 */
@KwokCluster
class BadEnvironmentTest {

    /** A lesson id no other test uses: the shared kwok cluster may hold other tests' kl-03-clusterip. */
    private static final String LESSON = "91-bad-environment";
    private static final String NAMESPACE = "kl-" + LESSON;

    @TempDir
    Path tmp;

    /** The course's first lesson under an id of this test's own, in a lessons folder of its own. */
    private Path lessons() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("lessons"));
        Path course = Path.of("..", "lessons").toAbsolutePath().normalize();
        String text = Files.readString(course.resolve("01-kind-cluster.md")).replaceFirst("(?m)^id: 01-kind-cluster$", "id: " + LESSON);
        Files.writeString(dir.resolve(LESSON + ".md"), text);
        return dir;
    }

    @Test
    void aReadOnlyStateDirIsExitThreeBeforeSolveAppliesAnything(ClusterAccess access, KubernetesClient client) throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        assertNull(client.namespaces().withName(NAMESPACE).get(), "precondition: no lesson namespace yet");
        CliProcess.Run run;
        try (ReadOnlyFolder readOnly = ReadOnlyFolder.of(state)) {
            run = cli(access, state).run(LESSON, "--solve", "--cluster", "context:" + access.context(), "--lessons", lessons().toString());
        }
        assertEquals(ExitCodes.PREREQUISITE, run.exit(), run.both());
        assertTrue(run.err().contains("error: cannot write the progress file in " + state + ": "), run.err());
        assertTrue(run.err().contains("next: make " + state + " a writable folder for this user"), run.err());
        assertTrue(run.err().contains("or set KUBELESSONS_STATE to a folder you can write"), run.err());
        assertNoStackTrace(run);
        assertNull(client.namespaces().withName(NAMESPACE).get(), "--solve must not have applied anything");
    }

    @Test
    void aProgressFileThatIsNotAFileIsExitThreeBeforeResetRecreatesTheNamespace(ClusterAccess access, KubernetesClient client)
            throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Path progress = Files.createDirectories(state.resolve("progress.json"));
        CliProcess.Run run = cli(access, state).run("reset", LESSON, "--cluster", "context:" + access.context(),
                "--lessons", lessons().toString());
        assertEquals(ExitCodes.PREREQUISITE, run.exit(), run.both());
        assertTrue(run.err().contains("error: cannot write the progress file " + progress + ": it is not a regular file"), run.err());
        assertTrue(run.err().contains("next: move " + progress + " out of the way"), run.err());
        assertNoStackTrace(run);
        assertNull(client.namespaces().withName(NAMESPACE).get(), "reset must not have created the namespace");
    }

    @Test
    void aStateDirUnderAFileIsExitThreeForKwokClusterUp() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "");
        Path state = file.resolve("state");
        CliProcess.Run run = new CliProcess(Map.of("KUBELESSONS_STATE", state.toString())).run("cluster", "up", "--provider", "kwok");
        assertEquals(ExitCodes.PREREQUISITE, run.exit(), run.both());
        assertTrue(run.err().contains("error: cannot write the kwok cluster's files in " + state.resolve("kwok") + ": "), run.err());
        assertTrue(run.err().contains(file + " is a file, not a folder") || run.err().contains("not a directory"), run.err());
        assertTrue(run.err().contains("or set KUBELESSONS_STATE to a folder you can write"), run.err());
        assertNoStackTrace(run);
    }

    private static CliProcess cli(ClusterAccess access, Path state) {
        return new CliProcess(Map.of("KUBECONFIG", access.kubeconfig().toString(), "KUBELESSONS_STATE", state.toString()));
    }

    private static void assertNoStackTrace(CliProcess.Run run) {
        assertFalse(run.err().contains("internal error"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
