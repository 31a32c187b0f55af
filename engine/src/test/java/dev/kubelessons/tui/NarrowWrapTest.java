package dev.kubelessons.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.runner.LessonView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At a narrow width the tutor's text wraps at spaces: nothing is cut off, no word is broken (the audit's 60-column screens). */
class NarrowWrapTest {

    private static final Lesson LESSON = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course()
            .lesson("03-clusterip").orElseThrow();

    private static String joined(List<String> lines) {
        return String.join(" ", lines.stream().map(String::strip).toList()).replaceAll("\\s+", " ");
    }

    @Test
    void theApplyLineWrapsWithItsNamespaceAndFile() {
        // 58: the body of a 60-column terminal, the audit's narrow screen.
        var header = new LessonView.Header(LESSON, "kwok", "kl-03-clusterip", false);
        List<String> lines = new LessonPages(58, false).step(header, LESSON.steps().get(0));
        lines.forEach(l -> assertTrue(l.length() <= 58, "longer than the width: '" + l + "'"));
        assertTrue(joined(lines).contains("Apply this (save it to a file and kubectl apply -n kl-03-clusterip -f FILE):"), joined(lines));
    }

    @Test
    void generatedProseWrapsAtSpacesKeepingItsIndentation() {
        String map = "Namespace kl-03-clusterip, as the watch sees it now\n\nServices\n"
                + "  my-nginx  ClusterIP 10.96.205.203  80/TCP -> http\n"
                + "    the probe pod -> my-nginx /  NOT PROBED  (skipped here: the kwok cluster has no data plane (no kube-proxy, DNS or packets))";
        List<String> lines = new TerminalMarkdown(50, false).render("```text wrap\n" + map + "\n```");
        lines.forEach(l -> assertTrue(l.length() <= 50, "longer than the width: '" + l + "'"));
        lines.forEach(l -> assertTrue(!l.contains("↪"), "wrapped like code, mid-word: " + lines));
        assertEquals(joined(List.of(map.split("\n"))), joined(lines), "every word whole, in order");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("        the probe pod")), "the line keeps its own indentation (4 in the fence, 4 of its own): " + lines);
    }
}
