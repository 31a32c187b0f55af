package dev.kubelessons.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckInfo;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.ResourceRef;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tally under each lesson counts in plain English: "1 error", "2 errors". */
class TextReportTest {

    private static final CheckSpec CHECK = new CheckSpec.Exists(new CheckInfo("svc", "the Service exists", "h", "e",
            SourcePosition.of(Path.of("03-clusterip.md"), 1, 1)), ResourceRef.of(null, "Service", "my-nginx"));

    private static String tally(Verdict... verdicts) {
        return new TextReport(false).render(List.of(new LessonResult("03-clusterip", "ClusterIP", List.of(verdicts), Duration.ZERO)));
    }

    @Test
    void oneErrorIsSingular() {
        String one = tally(Verdict.error(CHECK, "boom"));
        assertTrue(one.contains("0 passed, 0 failed, 0 skipped, 1 error\n"), one);
        String two = tally(Verdict.error(CHECK, "boom"), Verdict.error(CHECK, "boom"));
        assertTrue(two.contains("0 passed, 0 failed, 0 skipped, 2 errors\n"), two);
    }
}
