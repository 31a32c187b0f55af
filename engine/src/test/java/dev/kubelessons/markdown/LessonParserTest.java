package dev.kubelessons.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LessonParserTest {

    private final LessonParser parser = new LessonParser();

    @Test
    void parsesTheTinyLessonIntoTheModel() {
        CourseLoader.Loaded loaded = new CourseLoader().load(Fixtures.fixture("good-course"));
        assertEquals(java.util.List.of(), loaded.problems());
        Lesson lesson = loaded.course().lesson("01-tiny").orElseThrow();
        assertEquals("A tiny lesson", lesson.title());
        assertEquals(1, lesson.positionOn(LearningPath.named("top-down")));
        assertEquals(2, lesson.positionOn(LearningPath.named("bottom-up")));
        assertEquals(10, lesson.durationMinutes());
        assertEquals(2, lesson.steps().size());
        assertEquals("Create the web Deployment", lesson.steps().get(0).title());
        assertEquals("create-the-web-deployment", lesson.steps().get(0).anchor());
        assertEquals(1, lesson.steps().get(0).blocks(BlockRole.APPLY).size());
        assertTrue(lesson.introduction().markdown().startsWith("Every lesson starts"));
        assertEquals(4, lesson.checks().size());
        CheckSpec.Cel cel = assertInstanceOf(CheckSpec.Cel.class, lesson.checks().get(1));
        assertTrue(cel.expression().contains("object.spec.selector.app == 'web'"));
        CheckSpec.Endpoints endpoints = assertInstanceOf(CheckSpec.Endpoints.class, lesson.checks().get(2));
        assertEquals(2, endpoints.count());
        assertTrue(lesson.checks().get(3).needsDataPlane());
        CheckSpec.Http http = assertInstanceOf(CheckSpec.Http.class, lesson.checks().get(3));
        // In file order, values as written: ${namespace} is expanded when the check runs, not when it is read.
        assertEquals(java.util.List.of("Host", "X-Request-Id"), java.util.List.copyOf(http.headers().keySet()));
        assertEquals("web.${namespace}.svc.cluster.local", http.headers().get("Host"));
        assertFalse(lesson.checks().get(0).needsDataPlane());
        // The plain ```sh example stays prose; the hint and solution are blocks.
        assertEquals(1, lesson.steps().get(1).blocks(BlockRole.HINT).size());
        assertEquals(1, lesson.steps().get(1).blocks(BlockRole.SOLUTION).size());
        assertEquals(0, lesson.steps().get(1).blocks(BlockRole.EXAMPLE).size());
    }

    @Test
    void blockPositionsAreLinesOfTheFile() {
        Lesson lesson = new CourseLoader().load(Fixtures.fixture("good-course")).course().lessons().get(0);
        // The first ```yaml apply fence is on line 19 of 01-tiny.md; a check's place is its first field.
        assertEquals(19, lesson.steps().get(0).blocks(BlockRole.APPLY).get(0).position().line());
        assertEquals(41, lesson.checks().get(0).info().position().line());
    }

    @Test
    void binaryGarbageIsAProblemNotAnException() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        ParsedLesson parsed = parser.parse(Path.of("lessons/99-garbage.md"), garbage);
        assertTrue(parsed.lesson().isEmpty());
        assertFalse(parsed.problems().isEmpty());
    }

    @Test
    void aTenMegabyteLessonIsRefusedWithItsSize() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        ParsedLesson parsed = parser.parse(Path.of("lessons/99-huge.md"), huge);
        Problem problem = parsed.problems().get(0);
        assertTrue(problem.message().contains("10240 KiB"), problem.message());
        assertEquals(1, problem.position().line());
    }

    @Test
    void invalidUtf8IsNamed() {
        byte[] latin1 = "---\nid: 01-caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        ParsedLesson parsed = parser.parse(Path.of("lessons/01-cafe.md"), latin1);
        assertTrue(parsed.problems().get(0).message().contains("not valid UTF-8"));
    }

    @Test
    void invalidUtf8IsReportedAtItsFirstBadByte() {
        StringBuilder text = new StringBuilder("---\nid: 01-x\n---\n");
        for (int line = 4; line < 30; line++) {
            text.append("Line ").append(line).append(" is fine.\n");
        }
        // Line 30: characters of two bytes (é) and of three (→) in UTF-8, then a Latin-1 é (one byte, not UTF-8): the 10th character.
        byte[] head = (text + "\u00e9t\u00e9 \u2192 caf").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xe9;
        bytes[head.length + 1] = '\n';
        bytes[head.length + 2] = 'x';
        Problem problem = parser.parse(Path.of("lessons/01-x.md"), bytes).problems().get(0);
        assertTrue(problem.message().contains("not valid UTF-8"), problem.message());
        assertEquals("30:10", problem.position().line() + ":" + problem.position().column());
    }

    @Test
    void utf16TextIsNamedAsUtf16NotAsBinary() {
        String lesson = "---\nid: 01-x\ntitle: Caf\u00e9\n---\n";
        for (java.nio.charset.Charset charset : java.util.List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bytes = lesson.getBytes(charset); // UTF_16 writes a byte order mark (FE FF); the other two write none
            Problem problem = parser.parse(Path.of("lessons/01-x.md"), bytes).problems().get(0);
            assertTrue(problem.message().contains("UTF-16"), charset + ": " + problem.message());
            assertTrue(problem.fix().contains("UTF-8"), problem.fix());
            assertEquals("1:1", problem.position().line() + ":" + problem.position().column(), charset.toString());
        }
        byte[] windows = new byte[] {(byte) 0xff, (byte) 0xfe, '-', 0, '-', 0, '-', 0, '\n', 0}; // Notepad's "Unicode"
        assertTrue(parser.parse(Path.of("lessons/01-x.md"), windows).problems().get(0).message().contains("UTF-16"));
    }

    @Test
    void aBadByteAfterWindowsAndOldMacLineBreaksIsOnTheLineAnEditorShows() {
        byte[] bytes = "---\r\nid: 01-x\r-\u00e9".getBytes(StandardCharsets.ISO_8859_1); // CR LF, then a lone CR
        Problem problem = parser.parse(Path.of("lessons/01-x.md"), bytes).problems().get(0);
        assertEquals("3:2", problem.position().line() + ":" + problem.position().column(), problem.format());
    }

    @Test
    void aNulByteIsNamedAtItsLineBeforeAnyEncodingProblem() {
        byte[] text = "---\nid: 01-x\n\u00ff\u0000---\n".getBytes(StandardCharsets.ISO_8859_1); // a broken byte, then NUL
        ParsedLesson parsed = parser.parse(Path.of("lessons/01-x.md"), text);
        Problem problem = parsed.problems().get(0);
        assertTrue(problem.message().contains("NUL byte"), problem.message());
        assertEquals(3, problem.position().line());
        assertEquals(2, problem.position().column());
    }

    @Test
    void aReplacementCharacterWrittenAsUtf8IsText() {
        String lesson = "---\nid: 01-x\n---\nThe \ufffd sign.\n";
        ParsedLesson parsed = parser.parse(Path.of("lessons/01-x.md"), lesson.getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.problems().stream().noneMatch(p -> p.message().contains("UTF-8")), parsed.problems().toString());
    }

    @Test
    void yamlBombsAreRefused() {
        String bomb = "---\nid: 01-bomb\ntitle: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n";
        ParsedLesson parsed = parser.parse(Path.of("lessons/01-bomb.md"), bomb.getBytes(StandardCharsets.UTF_8));
        assertFalse(parsed.problems().isEmpty());
    }
}
