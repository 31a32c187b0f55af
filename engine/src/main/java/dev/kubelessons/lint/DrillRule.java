package dev.kubelessons.lint;

import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A drill's faults can be told apart and proven: unique names, and every check a fault says catches it exists. A fault
 * whose only catching checks are data-plane ones is fine (it is SKIPPED on kwok); a drill with setup but no check is not,
 * nor a cluster-level fault ({@code node:}) in a drill without a cluster of its own.
 */
final class DrillRule implements LessonRule {

    @Override
    public List<Problem> check(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        if (!lesson.isDrill()) {
            return problems;
        }
        Set<String> checkIds = lesson.checks().stream().map(c -> c.info().id()).collect(Collectors.toSet());
        if (lesson.blocks(BlockRole.SETUP).isEmpty()) {
            problems.add(new Problem(SourcePosition.of(lesson.source(), 1, 1), "the drill has faults but no healthy system to break",
                    "add '```yaml setup' blocks with the system the checks prove healthy"));
        }
        Map<String, Fault> names = new HashMap<>();
        for (Fault fault : lesson.faults()) {
            Fault earlier = names.putIfAbsent(fault.name(), fault);
            if (earlier != null) {
                problems.add(new Problem(fault.position(), "duplicate fault name '" + fault.name() + "' (first at line "
                        + earlier.position().line() + ")", "give each fault its own 'name:'"));
            }
            if (fault.isClusterLevel() && lesson.cluster().isEmpty()) {
                problems.add(new Problem(fault.position(), "fault '" + fault.name() + "' is cluster-level (node: " + fault.breaks().node().orElseThrow()
                        + "), but the drill has no cluster of its own, so it would break the course's shared cluster",
                        "add 'cluster: NAME' to the front matter and commit cluster/kind-NAME.yaml (see 15-cluster-drill), or drop 'node:'"));
            }
            for (String id : fault.caughtBy()) {
                if (!checkIds.contains(id)) {
                    problems.add(new Problem(fault.caughtByPosition(), "fault '" + fault.name() + "' is caught by '" + id + "', which is no check of this lesson",
                            "use one of: " + String.join(", ", lesson.checks().stream().map(c -> c.info().id()).toList())));
                }
            }
        }
        if (lesson.faults().size() == 1) {
            problems.add(new Problem(lesson.faults().get(0).position(), "the drill has a single fault, so it is never a surprise",
                    "add more '```yaml fault' blocks; the runner picks one at random"));
        }
        return problems;
    }
}
