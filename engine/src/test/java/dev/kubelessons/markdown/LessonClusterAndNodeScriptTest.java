package dev.kubelessons.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A lesson's own cluster ({@code cluster: cni}), node scripts ({@code ```sh solution node=worker}) and a node check's
 * machine requirement ({@code requires}): parsed into the model, and every mistake reported at its line.
 */
class LessonClusterAndNodeScriptTest {

    private static final String FRONT = """
            ---
            id: 13-lab
            title: A lab
            paths:
              bottom-up: 25
            duration: 10m
            %s
            objectives:
              - Do it by hand
            ---

            Intro.

            ## Step one

            """;

    private final LessonParser parser = new LessonParser();

    private ParsedLesson parse(String cluster, String body) {
        return parser.parse(Path.of("lessons/13-lab.md"), (FRONT.formatted(cluster) + body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLessonClusterNodeScriptsAndARequirementReachTheModel() {
        ParsedLesson parsed = parse("cluster: cni", """
                ```sh setup node=worker
                rm -f /etc/cni/net.d/*.conflist
                ```

                ```sh solution node=control-plane
                ip route replace 10.244.1.0/24 via 172.18.0.3
                ```

                ```yaml check
                id: ipvs-servers
                title: IPVS lists the Service
                kind: node-command
                command: [cat, /proc/net/ip_vs]
                outputMatches: 'TCP'
                requires:
                  command: [sh, -c, 'test -e /proc/net/ip_vs']
                  reason: the kernel has no IPVS
                hint: Look.
                ```
                """);
        assertEquals(List.of(), parsed.problems());
        Lesson lesson = parsed.lesson().orElseThrow();
        assertEquals(Optional.of("cni"), lesson.cluster());
        Block setup = lesson.blocks(BlockRole.SETUP).get(0);
        assertEquals(Optional.of("worker"), setup.node());
        assertTrue(setup.isNodeScript());
        assertEquals(Optional.of("control-plane"), lesson.blocks(BlockRole.SOLUTION).get(0).node());
        CheckSpec.NodeCommand check = (CheckSpec.NodeCommand) lesson.checks().get(0);
        assertEquals(List.of("sh", "-c", "test -e /proc/net/ip_vs"), check.requires().orElseThrow().command());
        assertEquals("the kernel has no IPVS", check.requires().orElseThrow().reason());
    }

    @Test
    void mistakesAreReportedAtTheirLines() {
        ParsedLesson parsed = parse("cluster: Lab_1", """
                ```yaml setup node=worker
                kind: ConfigMap
                ```

                ```sh solution node=Worker!
                true
                ```

                ```sh solution on=worker
                true
                ```

                ```yaml check
                id: ipvs-servers
                title: IPVS lists the Service
                kind: node-command
                command: [cat, /proc/net/ip_vs]
                outputMatches: 'TCP'
                requires: {command: [true]}
                hint: Look.
                ```
                """);
        List<String> found = parsed.problems().stream().map(p -> p.position().line() + ": " + p.message()).toList();
        assertTrue(found.contains("7: cluster 'Lab_1' is not a short lowercase name"), found.toString());
        assertTrue(found.contains("16: node= is only for shell setup and solution blocks, not '```yaml setup node=worker'"), found.toString());
        assertTrue(found.contains("20: node 'Worker!' in fence '```sh solution node=Worker!' is not a node name"), found.toString());
        assertTrue(found.contains("24: unexpected words after the role in fence '```sh solution on=worker'"), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.startsWith("34: ") && f.contains("reason")), found.toString());
        assertTrue(parsed.problems().stream().allMatch(p -> !p.fix().isBlank()), "every problem says what to do");
    }
}
