package dev.kubelessons.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A diagram known to parse (the site drew it with this engine build) is not parsed again; any other is. */
class DiagramRuleTest {

    private final Lesson lesson = Fixtures.loader().load(Fixtures.fixture("broken-course")).allLessons().stream()
            .filter(l -> l.source().getFileName().toString().equals("13-bad-diagram.md")).findFirst().orElseThrow();

    @Test
    void onlyDiagramsNotKnownToParseAreParsed() {
        List<Problem> parsed = new DiagramRule().check(lesson);
        assertTrue(parsed.stream().anyMatch(p -> p.message().contains("'A broken arrow' does not parse")), parsed.toString());
        assertEquals(List.of(), new DiagramRule(diagram -> true).check(lesson), "every diagram known to parse: nothing parsed");
        assertEquals(parsed, new DiagramRule(diagram -> !diagram.title().equals("A broken arrow")).check(lesson),
                "the others known to parse: the broken one still found");
    }
}
