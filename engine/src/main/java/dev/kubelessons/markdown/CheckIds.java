package dev.kubelessons.markdown;

import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson's check ids are unique. The parser enforces it, not lint alone: the site's anchors
 * ({@code check-<id>}), the runner's verdicts and the progress file are all keyed by the id, so
 * every command that loads a lesson must refuse two checks with one id.
 */
final class CheckIds {

    private CheckIds() {
    }

    /** Reports every check whose id an earlier check of the lesson already has, at the later check. */
    static void reportDuplicates(List<Step> steps, List<Problem> problems) {
        Map<String, CheckSpec> ids = new HashMap<>();
        for (Step step : steps) {
            for (CheckSpec check : step.checks()) {
                CheckSpec earlier = ids.putIfAbsent(check.info().id(), check);
                if (earlier != null) {
                    problems.add(new Problem(check.info().position(), "duplicate check id '" + check.info().id() + "' (first at line "
                            + earlier.info().position().line() + ")", "give the check its own 'id:'"));
                }
            }
        }
    }
}
