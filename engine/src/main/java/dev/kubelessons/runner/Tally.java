package dev.kubelessons.runner;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import java.util.ArrayList;
import java.util.List;

/** "2 PASS, 1 FAIL, 5 SKIP": a step's verdicts counted by status, in words as well as on the panel. */
final class Tally {

    private Tally() {
    }

    static String of(List<Verdict> verdicts) {
        List<String> parts = new ArrayList<>();
        for (Status status : Status.values()) {
            long count = verdicts.stream().filter(v -> v.status() == status).count();
            if (count > 0) {
                parts.add(count + " " + word(status));
            }
        }
        return parts.isEmpty() ? "no verdicts yet" : String.join(", ", parts);
    }

    static String word(Status status) {
        return switch (status) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case SKIPPED -> "SKIP";
            case ERROR -> "ERR";
        };
    }
}
