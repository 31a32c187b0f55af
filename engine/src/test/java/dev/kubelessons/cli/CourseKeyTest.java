package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result caches' course key over real files: a lesson file too large to read has a key, not an OutOfMemoryError. */
class CourseKeyTest {

    @TempDir
    Path tmp;

    @Test
    void aLessonFileTooLargeToReadIsKeyedByItsSize() throws Exception {
        Path lessons = Fixtures.copyRealLessons(tmp.resolve("lessons"));
        CourseKey course = new CourseKey(lessons, "named by the lessons");
        try (RandomAccessFile huge = new RandomAccessFile(lessons.resolve("16-huge.md").toFile(), "rw")) {
            huge.setLength(3L << 30); // sparse; list and --check hashed each file read whole, which no array can hold
            Optional<String> threeGigabytes = course.digest("build");
            assertTrue(threeGigabytes.isPresent());
            huge.setLength((3L << 30) + 1);
            assertNotEquals(threeGigabytes, course.digest("build"), "a file that changes size changes the key");
        }
    }
}
