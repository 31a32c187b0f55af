package dev.kubelessons.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Problem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader over real files in a temp folder: a file too large to read, and a broken lesson others depend on. */
class CourseLoaderTest {

    @TempDir
    Path tmp;

    private static String report(List<Problem> problems) {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    @Test
    void aThreeGigabyteLessonIsReportedAtLineOneWithoutBeingRead() throws IOException {
        Path lessons = Fixtures.copyRealLessons(tmp.resolve("lessons"));
        Path huge = lessons.resolve("16-huge.md");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: no disk, but Files.readAllBytes refuses it (or runs out of heap)
        }
        List<Problem> problems = Fixtures.loader().load(lessons).problems();
        assertEquals(1, problems.size(), report(problems));
        Problem problem = problems.get(0);
        assertEquals(huge, problem.position().file());
        assertEquals("1:1", problem.position().line() + ":" + problem.position().column());
        assertTrue(problem.message().contains("3145728 KiB, over the limit of 1024 KiB"), problem.message());
    }

    @Test
    void aFileOneByteOverTheLimitIsNotRoundedDownToTheLimit() throws IOException {
        Path lessons = Files.createDirectories(tmp.resolve("lessons"));
        byte[] text = new byte[LessonText.MAX_BYTES + 1];
        java.util.Arrays.fill(text, (byte) 'a');
        Files.write(lessons.resolve("01-big.md"), text);
        Problem problem = new CourseLoader().load(lessons).problems().get(0);
        assertTrue(problem.message().contains("1025 KiB, over the limit of 1024 KiB"), problem.message());
    }

    @Test
    void aLessonWhoseFrontMatterIsBrokenIsStillALessonItsDependentsCanName() throws IOException {
        Path lessons = Fixtures.copyRealLessons(tmp.resolve("lessons"));
        Path clusterIp = lessons.resolve("03-clusterip.md");
        Files.writeString(clusterIp, Files.readString(clusterIp).replaceFirst("\ntitle: [^\n]*", ""));
        assertOnlyProblemsOf(clusterIp, Fixtures.loader().load(lessons).problems());
    }

    @Test
    void aLessonThatIsNotUtf8IsStillALessonItsDependentsCanName() throws IOException {
        Path lessons = Fixtures.copyRealLessons(tmp.resolve("lessons"));
        Path clusterIp = lessons.resolve("03-clusterip.md");
        Files.write(clusterIp, Files.readString(clusterIp).replace("virtual IP", "virtual IP \u00e9").getBytes(StandardCharsets.ISO_8859_1));
        assertOnlyProblemsOf(clusterIp, Fixtures.loader().load(lessons).problems());
    }

    private static void assertOnlyProblemsOf(Path file, List<Problem> problems) {
        assertTrue(!problems.isEmpty() && problems.stream().allMatch(p -> p.position().file().equals(file)),
                "only " + file.getFileName() + " has problems:\n" + report(problems));
    }
}
