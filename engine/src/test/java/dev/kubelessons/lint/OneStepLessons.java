package dev.kubelessons.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelessons.lesson.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** Lessons of one step written for lint tests (front matter, the checks under test, a solution) and the lookups their asserts use. */
final class OneStepLessons {

    private static final String FRONT = """
            ---
            id: %s
            title: A lesson
            paths: {top-down: 1}
            duration: 5m
            prerequisites: []
            objectives: [Do it]
            ---
            ## Step one

            """;

    private static final String SOLUTION = """

            ```sh solution
            kubectl create service clusterip web --tcp=80:80
            ```
            """;

    private OneStepLessons() {
    }

    /** A lesson {@code id} whose one step holds {@code checks} and a solution. */
    static String lesson(String id, String checks) {
        return FRONT.formatted(id) + checks + SOLUTION;
    }

    /** The one problem reported; fails listing them all when there are more or none. */
    static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        return problems.get(0);
    }

    /** 1-based line of the first line of {@code text} containing {@code fragment}, and the column of the fragment in it. */
    static int[] place(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(fragment);
            if (at >= 0) {
                return new int[] {i + 1, at + 1};
            }
        }
        throw new AssertionError(fragment + " not in the text");
    }
}
