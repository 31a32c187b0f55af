package dev.kubelessons.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The knots in a prerequisite graph, each found once, and a cycle named through its first lesson. */
class PrerequisiteCyclesTest {

    @Test
    void twoKnotsAreFoundOnceEachAndALessonLeadingIntoOneIsNotInIt() {
        Map<String, List<String>> needs = new LinkedHashMap<>();
        needs.put("01-a", List.of("03-c"));
        needs.put("02-b", List.of("01-a"));
        needs.put("03-c", List.of("02-b"));
        needs.put("04-d", List.of("01-a", "05-e")); // needs the knot, is not in it
        needs.put("05-e", List.of("06-f"));
        needs.put("06-f", List.of("05-e"));
        needs.put("07-g", List.of());
        assertEquals(List.of(Set.of("01-a", "02-b", "03-c"), Set.of("05-e", "06-f")), PrerequisiteCycles.knots(needs));
        assertEquals(List.of("01-a", "03-c", "02-b", "01-a"), PrerequisiteCycles.cycleThrough("01-a", Set.of("01-a", "02-b", "03-c"), needs));
    }

    @Test
    void theShortestCycleIsNamedWhenAKnotHasSeveral() {
        Map<String, List<String>> needs = Map.of(
                "01-a", List.of("02-b", "04-d"),
                "02-b", List.of("03-c"),
                "03-c", List.of("01-a"),
                "04-d", List.of("01-a"));
        assertEquals(List.of(Set.of("01-a", "02-b", "03-c", "04-d")), PrerequisiteCycles.knots(needs));
        assertEquals(List.of("01-a", "04-d", "01-a"), PrerequisiteCycles.cycleThrough("01-a", Set.of("01-a", "02-b", "03-c", "04-d"), needs));
    }

    @Test
    void aChainOfAHundredThousandLessonsDoesNotOverflowTheStack() {
        Map<String, List<String>> needs = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(String.format("%06d-l", i));
        }
        for (int i = 0; i < ids.size(); i++) {
            needs.put(ids.get(i), i + 1 < ids.size() ? List.of(ids.get(i + 1)) : List.of(ids.get(0)));
        }
        assertEquals(1, PrerequisiteCycles.knots(needs).size());
        assertEquals(100_000, PrerequisiteCycles.knots(needs).get(0).size());
    }
}
