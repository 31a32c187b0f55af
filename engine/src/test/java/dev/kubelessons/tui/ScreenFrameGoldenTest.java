package dev.kubelessons.tui;

import dev.kubelessons.Fixtures;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.runner.LessonView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lesson 03's first step as one frame of the full screen at 160x50, without colour, against golden/tui/:
 * the header, the step without fences, setup in words, the check panel with its words, the footer.
 * The same frame with the outage banner and the panel greyed. Rewrite with -Dgolden.update=true.
 */
class ScreenFrameGoldenTest {

    private static final LessonView.Header HEADER = new LessonView.Header(lesson(), "kwok", "kl-03-clusterip", false);

    private static Lesson lesson() {
        Path lessons = Fixtures.repositoryRoot().resolve("lessons");
        return new CourseLoader().load(lessons).course().lesson("03-clusterip").orElseThrow();
    }

    private static List<String> frame(String banner) {
        Step step = HEADER.lesson().steps().get(0);
        List<String> panel = new ArrayList<>();
        CheckLines lines = new CheckLines(160, false);
        for (CheckSpec check : step.checks()) {
            Verdict verdict = check.needsDataPlane() ? Verdict.skipped(check, "the kwok cluster has no data plane (no kube-proxy, DNS or packets)")
                    : Verdict.fail(check, "missing", "exists", "Service my-nginx does not exist in namespace kl-03-clusterip");
            panel.addAll(lines.of(check, verdict, !banner.isEmpty()));
        }
        List<String> body = new LessonPages(158, false).step(HEADER, step);
        ScreenFrame.State state = new ScreenFrame.State(" kubelessons · 03-clusterip ClusterIP Services · step 1 of 3 · cluster kwok · namespace kl-03-clusterip",
                banner, body, 0, banner.isEmpty() ? "Checks (live)" : "Checks (last known state: the cluster is not answering)", panel, "", " ↑↓ PgUp PgDn scroll · h hint · q quit");
        return new ScreenFrame(160, 50, false).render(state);
    }

    @Test
    void stepOneOfLessonThree() {
        Fixtures.assertGolden("tui/screen-03-step1.txt", String.join("\n", frame("")) + "\n");
    }

    @Test
    void stepOneDuringAnOutage() {
        Fixtures.assertGolden("tui/screen-03-outage.txt", String.join("\n", frame(
                "! cluster unreachable since 11:42:07 (Connection refused); retrying. Checks show their last known state. Your progress is saved.")) + "\n");
    }
}
