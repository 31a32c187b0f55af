package dev.kubelessons.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The knots among prerequisites: groups of two or more lessons each of which needs the others, directly or through
 * others (the graph's strongly connected components, by Tarjan's algorithm). Without recursion: a generated course's
 * chain of thousands of lessons must not overflow the stack.
 */
final class PrerequisiteCycles {

    private final Map<String, List<String>> needs;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<Set<String>> knots = new ArrayList<>();

    private PrerequisiteCycles(Map<String, List<String>> needs) {
        this.needs = needs;
    }

    /** @param needs each lesson's prerequisites, only lessons that are keys themselves, none listing itself */
    static List<Set<String>> knots(Map<String, List<String>> needs) {
        PrerequisiteCycles search = new PrerequisiteCycles(needs);
        new TreeSet<>(needs.keySet()).forEach(search::visitFrom);
        return search.knots;
    }

    /** One cycle through {@code start} inside {@code knot}, shortest first: start, ..., start. */
    static List<String> cycleThrough(String start, Set<String> knot, Map<String, List<String>> needs) {
        Map<String, String> reachedFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String id = queue.removeFirst();
            for (String next : needs.get(id)) {
                if (next.equals(start)) {
                    List<String> cycle = new ArrayList<>(List.of(start));
                    for (String at = id; !at.equals(start); at = reachedFrom.get(at)) {
                        cycle.add(1, at);
                    }
                    cycle.add(start);
                    return cycle;
                }
                if (knot.contains(next) && reachedFrom.putIfAbsent(next, id) == null) {
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalArgumentException(start + " is in no cycle of " + knot);
    }

    /** A depth-first walk from {@code root}; each frame holds the prerequisites still to follow. */
    private void visitFrom(String root) {
        if (index.containsKey(root)) {
            return;
        }
        Deque<Map.Entry<String, Iterator<String>>> path = new ArrayDeque<>();
        enter(root, path);
        while (!path.isEmpty()) {
            String id = path.peek().getKey();
            Iterator<String> next = path.peek().getValue();
            if (next.hasNext()) {
                String prerequisite = next.next();
                if (!index.containsKey(prerequisite)) {
                    enter(prerequisite, path);
                } else if (onStack.contains(prerequisite)) {
                    low.merge(id, index.get(prerequisite), Math::min);
                }
                continue;
            }
            path.pop();
            if (!path.isEmpty()) {
                low.merge(path.peek().getKey(), low.get(id), Math::min);
            }
            if (low.get(id).equals(index.get(id))) {
                Set<String> knot = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    knot.add(member);
                } while (!member.equals(id));
                if (knot.size() > 1) {
                    knots.add(knot);
                }
            }
        }
    }

    private void enter(String id, Deque<Map.Entry<String, Iterator<String>>> path) {
        index.put(id, index.size());
        low.put(id, index.get(id));
        stack.push(id);
        onStack.add(id);
        path.push(Map.entry(id, needs.get(id).iterator()));
    }
}
