package dev.kubelessons.markdown;

import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules on prerequisites (lessons/README.md): each names a lesson and not its own; none goes round in a cycle;
 * and "a lesson's prerequisites must come before it on every path it is on", in the order the course shows a path
 * (Course.path: by position, then id). Each problem stands at the prerequisite's own line in the front matter.
 */
final class PrerequisiteRules {

    private final Map<String, Lesson> byId;
    private final Set<String> unparsed;

    /**
     * @param byId     the lessons built, the first of each id
     * @param unparsed the ids (by file name) of lesson files that built no lesson: they exist, but their paths are unknown
     */
    PrerequisiteRules(Map<String, Lesson> byId, Set<String> unparsed) {
        this.byId = byId;
        this.unparsed = unparsed;
    }

    List<Problem> problems(List<Lesson> lessons) {
        List<Problem> problems = new ArrayList<>();
        for (Lesson lesson : lessons) {
            for (String prerequisite : lesson.prerequisites()) {
                if (!byId.containsKey(prerequisite) && !unparsed.contains(prerequisite)) {
                    problems.add(at(lesson, prerequisite, "prerequisite '" + prerequisite + "' of " + lesson.id() + " is not a lesson"
                            + NearestWord.suggestion(known(), prerequisite), "name an existing lesson id, or remove it from 'prerequisites'"));
                } else if (prerequisite.equals(lesson.id())) {
                    problems.add(at(lesson, prerequisite, "lesson " + lesson.id() + " lists itself as a prerequisite", "remove it"));
                }
            }
        }
        Map<String, List<String>> needs = needs();
        List<Set<String>> knots = PrerequisiteCycles.knots(needs);
        knots.forEach(knot -> problems.add(cycle(knot, needs)));
        for (Lesson lesson : lessons) {
            for (String prerequisite : lesson.prerequisites()) {
                // Within a cycle no order can hold: its one problem says so, where "move it" would only move the break.
                if (byId.containsKey(prerequisite) && !prerequisite.equals(lesson.id()) && knots.stream().noneMatch(k -> k.contains(lesson.id()) && k.contains(prerequisite))) {
                    problems.addAll(order(lesson, byId.get(prerequisite)));
                }
            }
        }
        return problems;
    }

    /** Each built lesson's prerequisites that are built lessons too, other than itself: the graph cycles are sought in. */
    private Map<String, List<String>> needs() {
        Map<String, List<String>> needs = new LinkedHashMap<>();
        byId.forEach((id, lesson) -> needs.put(id, lesson.prerequisites().stream().filter(byId::containsKey).filter(p -> !p.equals(id)).toList()));
        return needs;
    }

    /** One problem for a knot, at its first lesson's prerequisite that leads round: the cycle named lesson by lesson. */
    private Problem cycle(Set<String> knot, Map<String, List<String>> needs) {
        String first = knot.iterator().next();
        List<String> cycle = PrerequisiteCycles.cycleThrough(first, knot, needs);
        StringBuilder message = new StringBuilder("the prerequisites go round in a cycle: ").append(first);
        for (int i = 1; i < cycle.size(); i++) {
            message.append(i == 1 ? " needs " : ", which needs ").append(cycle.get(i));
        }
        Set<String> others = new TreeSet<>(knot);
        cycle.forEach(others::remove);
        if (!others.isEmpty()) {
            message.append("; caught in it too: ").append(String.join(", ", others));
        }
        return at(byId.get(first), cycle.get(1), message.toString(),
                "remove one of these prerequisites: in a cycle no lesson can come first");
    }

    /** The paths {@code lesson} is on where {@code prerequisite} is missing or comes after it: at most two problems. */
    private List<Problem> order(Lesson lesson, Lesson prerequisite) {
        List<String> missing = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Map.Entry<LearningPath, Integer> path : lesson.paths().entrySet()) {
            Integer position = prerequisite.paths().get(path.getKey());
            if (position == null) {
                missing.add("'" + path.getKey().id() + "'");
            } else if (position > path.getValue()) {
                after.add("'" + path.getKey().id() + "' (" + prerequisite.id() + " at " + position + ", " + lesson.id() + " at " + path.getValue() + ")");
            } else if (position.equals(path.getValue()) && prerequisite.id().compareTo(lesson.id()) > 0) {
                after.add("'" + path.getKey().id() + "' (both at " + position + ", and lessons at one position go by id)");
            }
        }
        List<Problem> problems = new ArrayList<>();
        String id = prerequisite.id();
        if (!after.isEmpty()) {
            problems.add(at(lesson, id, "prerequisite '" + id + "' of " + lesson.id() + " comes after it on path" + plural(after) + " " + String.join(", ", after),
                    "give " + lesson.id() + " a later position than " + id + " there, or " + id + " an earlier one, or remove '" + id + "' from 'prerequisites'"));
        }
        if (!missing.isEmpty()) {
            String paths = String.join(", ", missing);
            problems.add(at(lesson, id, "prerequisite '" + id + "' of " + lesson.id() + " is not on path" + plural(missing) + " " + paths + ", where " + lesson.id() + " is",
                    "put " + id + " on " + paths + " before " + lesson.id() + " (in its 'paths:'), take " + lesson.id() + " off " + paths
                            + ", or remove '" + id + "' from 'prerequisites'"));
        }
        return problems;
    }

    private static String plural(List<String> items) {
        return items.size() == 1 ? "" : "s";
    }

    private Set<String> known() {
        Set<String> known = new TreeSet<>(byId.keySet());
        known.addAll(unparsed);
        return known;
    }

    private static Problem at(Lesson lesson, String prerequisite, String message, String fix) {
        return new Problem(CourseLoader.inFrontMatter(lesson.source(), "prerequisites", prerequisite), message, fix);
    }
}
