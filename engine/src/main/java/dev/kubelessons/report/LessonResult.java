package dev.kubelessons.report;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import java.time.Duration;
import java.util.List;

/** The verdicts of one lesson's checks, as a report shows them (one suite per lesson). */
public record LessonResult(String lessonId, String title, List<Verdict> verdicts, Duration elapsed) {

    public LessonResult {
        verdicts = List.copyOf(verdicts);
    }

    public long count(Status status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }

    /** All checks that could run passed (skipped ones do not count against the lesson). */
    public boolean passed() {
        return verdicts.stream().allMatch(v -> v.status() == Status.PASS || v.status() == Status.SKIPPED);
    }
}
