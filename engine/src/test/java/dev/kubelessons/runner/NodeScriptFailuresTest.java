package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.NodeShell;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.KubelessonsException;
import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.LessonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A node script that runs and fails is the lesson file's error (exit 2, at its line); a node that cannot be entered is the
 * cluster's (exit 3); neither is reported as the engine's own bug (exit 4). A stand-in shell throws what DockerNodeShell
 * throws in each case.
 */
class NodeScriptFailuresTest {

    private static final String LESSON = """
            ---
            id: 13-lab
            title: A lab
            paths:
              bottom-up: 25
            duration: 10m
            objectives:
              - Do it by hand
            ---

            Intro.

            ## Step one

            ```sh setup node=worker
            ip route add 10.244.9.0/24 via 172.18.0.9
            ```
            """;

    private final Lesson lesson = new LessonParser().parse(Path.of("lessons/13-lab.md"), LESSON.getBytes(StandardCharsets.UTF_8)).lesson().orElseThrow();
    private final Block script = lesson.blocks(BlockRole.SETUP).stream().filter(Block::isNodeScript).findFirst().orElseThrow();

    @Test
    void aScriptThatFailsInTheNodeIsTheLessonsErrorAtItsLine() {
        KubelessonsException e = assertThrows(KubelessonsException.class, () -> run(new NodeShell.NodeShellException(
                "docker exec kubelessons-worker sh -c ... exited with 2: RTNETLINK answers: File exists", true)));
        assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("lessons/13-lab.md:15") && e.getMessage().contains("RTNETLINK answers: File exists"), e.getMessage());
        assertTrue(e.nextStep().contains("docker exec -it kubelessons-worker sh"), e.nextStep());
    }

    @Test
    void aNodeThatCannotBeEnteredIsTheClustersProblem() {
        KubelessonsException e = assertThrows(KubelessonsException.class, () -> run(new NodeShell.NodeShellException(
                "docker exec kubelessons-worker sh -c ... did not finish within 30 s")));
        assertEquals(ExitCodes.PREREQUISITE, e.exitCode());
        assertTrue(e.getMessage().contains("did not finish within 30 s") && e.nextStep().contains("cluster status"), e.getMessage());
    }

    private void run(NodeShell.NodeShellException failure) {
        NodeShell failing = (node, command) -> {
            throw failure;
        };
        new NodeScripts(Optional.of(failing), "kubelessons", null).run(lesson, script, "kl-13-lab");
    }
}
