package dev.kubelessons.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.LessonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** verify's last line claims only what ran: a SKIPPED check (counted once over runs) or fault is named as not proven. */
class VerifySummaryTest {

    private final List<CheckSpec> checks = lesson().checks();

    @Test
    void everythingRanSoEverythingIsClaimed() {
        List<LessonResult> results = List.of(result("03-clusterip unsolved #1", "t", Verdict.pass(checks.get(0), "", "")),
                result("03-clusterip solved #1", "t", Verdict.pass(checks.get(0), "", "")));
        assertEquals("verify: 1 lesson(s) x 1: every check fails unsolved and passes solved", VerifySummary.line(results, 1, 1, false));
    }

    @Test
    void skippedChecksAndFaultsAreCountedOnceAndNamedAsUnproven() {
        Verdict skipped = Verdict.skipped(checks.get(1), "no data plane");
        List<LessonResult> results = List.of(
                result("03-clusterip unsolved #1", "t", Verdict.pass(checks.get(0), "", ""), skipped),
                result("03-clusterip solved #1", "t", Verdict.pass(checks.get(0), "", ""), skipped),
                result("03-clusterip solved #2", "t", skipped),
                result("12-checkout-drill fault dns-egress-cut #1", "DNS (skipped here)", skipped),
                result("12-checkout-drill fault dns-egress-cut #2", "DNS (skipped here)", skipped));
        assertEquals("verify: 2 lesson(s) x 2: every check that ran fails unsolved and passes solved (drills: healthy, each fault that ran"
                + " caught, then restored); 1 check and 1 fault SKIPPED, not proven here (the reasons are above)",
                VerifySummary.line(results, 2, 2, true));
    }

    private static LessonResult result(String id, String title, Verdict... verdicts) {
        return new LessonResult(id, title, List.of(verdicts), Duration.ZERO);
    }

    private static Lesson lesson() {
        try {
            Path file = Path.of("..", "lessons", "03-clusterip.md");
            return new LessonParser().parse(file, Files.readAllBytes(file)).lesson().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
