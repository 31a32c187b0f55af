package dev.kubelessons.report;

import dev.kubelessons.check.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The last line of a passing {@code verify}: what was proven, and how many checks and faults were SKIPPED and so were not. */
public final class VerifySummary {

    private VerifySummary() {
    }

    /** {@code results} as the verifiers name them: "03-clusterip solved #2", "12-checkout-drill fault NAME #1" (title "... (skipped here)"). */
    public static String line(List<LessonResult> results, int lessons, int repeat, boolean drills) {
        Predicate<LessonResult> faultSkipped = r -> r.title().endsWith("(skipped here)");
        long skippedFaults = results.stream().filter(faultSkipped).map(r -> r.lessonId().replaceAll(" #\\d+$", "")).distinct().count();
        // One lesson runs several times (unsolved, solved, each round): a check counts once.
        long skippedChecks = results.stream().filter(faultSkipped.negate())
                .flatMap(r -> r.verdicts().stream().filter(v -> v.status() == Status.SKIPPED).map(v -> r.lessonId().split(" ")[0] + "/" + v.id()))
                .distinct().count();
        List<String> unproven = new ArrayList<>();
        if (skippedChecks > 0) {
            unproven.add(skippedChecks + (skippedChecks == 1 ? " check" : " checks"));
        }
        if (skippedFaults > 0) {
            unproven.add(skippedFaults + (skippedFaults == 1 ? " fault" : " faults"));
        }
        String ran = unproven.isEmpty() ? "" : "that ran ";
        return "verify: " + lessons + " lesson(s) x " + repeat + ": every check " + ran + "fails unsolved and passes solved"
                + (drills ? " (drills: healthy, each fault " + ran + "caught, then restored)" : "")
                + (unproven.isEmpty() ? "" : "; " + String.join(" and ", unproven) + " SKIPPED, not proven here (the reasons are above)");
    }
}
