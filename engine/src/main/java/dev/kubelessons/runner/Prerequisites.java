package dev.kubelessons.runner;

import dev.kubelessons.lesson.Lesson;
import java.util.LinkedHashMap;
import java.util.Map;

/** A lesson's prerequisites that the learner has not done, each with what stands in the way. */
final class Prerequisites {

    private Prerequisites() {
    }

    static Map<String, String> missing(Lesson lesson, ProgressStore progress) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (String id : lesson.prerequisites()) {
            ProgressStore.LessonProgress of = progress.of(id);
            if (of.done()) {
                continue;
            }
            if (of.finished() && of.solvedByRunner()) {
                missing.put(id, "solved by the runner, not by you");
            } else if (of.finished()) {
                missing.put(id, "done on " + of.cluster().orElse("a cluster without a data plane") + ", "
                        + Counted.of(of.unprovenChecks(), "check") + " not proven");
            } else {
                missing.put(id, of.passedChecks().isEmpty() ? "not started" : "started, not finished");
            }
        }
        // Done on kwok is as far as a learner without Docker can go: it does not block the next lesson.
        missing.values().removeIf(why -> why.startsWith("done on"));
        return missing;
    }
}
