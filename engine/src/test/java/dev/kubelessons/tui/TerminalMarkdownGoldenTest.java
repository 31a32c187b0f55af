package dev.kubelessons.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The terminal Markdown renderer against golden/tui/: a sample with every construct lessons use, at 60
 * and 100 columns, with and without colour (escape codes shown as ␛ so a diff is readable). After an
 * intended change, rewrite them with -Dgolden.update=true and review the diff.
 */
class TerminalMarkdownGoldenTest {

    private static String sample() throws IOException {
        return Files.readString(Fixtures.resources().resolve("golden/tui/sample.md"));
    }

    @Test
    void plainAtSixtyColumns() throws IOException {
        List<String> lines = new TerminalMarkdown(60, false).render(sample());
        Fixtures.assertGolden("tui/sample-60-plain.txt", String.join("\n", lines) + "\n");
        assertTrue(lines.stream().allMatch(l -> l.length() <= 60), "a line is wider than 60 columns:\n" + String.join("\n", lines));
    }

    @Test
    void colouredAtHundredColumns() throws IOException {
        List<String> lines = new TerminalMarkdown(100, true).render(sample());
        Fixtures.assertGolden("tui/sample-100-color.txt", String.join("\n", lines).replace("\u001b", "␛") + "\n");
        assertTrue(lines.stream().allMatch(l -> Ansi.width(l) <= 100), "a line is wider than 100 columns");
    }

    @Test
    void noFenceAndNoMarkdownSyntaxReachesTheScreen() throws IOException {
        for (boolean color : List.of(true, false)) {
            String screen = Ansi.strip(String.join("\n", new TerminalMarkdown(80, color).render(sample())));
            assertFalse(screen.contains("```"), "a code fence on screen:\n" + screen);
            assertFalse(screen.contains("## "), "a raw heading on screen:\n" + screen);
            assertFalse(screen.contains("|---"), "a raw table rule on screen:\n" + screen);
            assertTrue(screen.contains("kubectl get service my-nginx"), screen);
            assertTrue(screen.contains("Diagram: A packet to my-nginx"), "the diagram's title:\n" + screen);
            assertTrue(screen.replaceAll("\\s*│\\s*", " ").contains("KUBE-SERVICES jumps to KUBE-SVC-<hash>, which DNATs"),
                    "the diagram's description, continued lines joined:\n" + screen);
            assertFalse(screen.contains("rectangle") || screen.contains("-->") || screen.contains("' title"),
                    "PlantUML source on screen:\n" + screen);
        }
    }
}
