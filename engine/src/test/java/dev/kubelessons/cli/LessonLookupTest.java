package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding one lesson: after the course loaded clean once, the lesson's file is parsed alone and gives the same lesson;
 * any change to the course (a duplicate id added, a lesson broken) loads the whole course again and refuses as before.
 */
class LessonLookupTest {

    @TempDir
    Path dir;

    private Path lessons;

    @BeforeEach
    void copyTheRealCourse() throws Exception {
        lessons = Fixtures.copyRealLessons(dir.resolve("course/lessons"));
    }

    private Lesson lookUp(CleanCourses cache, String id) {
        return new LessonLookup(ProjectLayout.discover(lessons), cache).lesson(id);
    }

    @Test
    void aCleanCourseIsRememberedAndTheLessonParsedAloneIsTheSame() {
        CleanCourses cache = new CleanCourses(dir.resolve("cache"), Optional.of("engine-1"));
        CourseKey course = CourseKey.of(ProjectLayout.discover(lessons));
        assertTrue(cache.fileOf(course, "03-clusterip").isEmpty(), "nothing remembered before the first load");
        Lesson full = lookUp(cache, "03-clusterip");
        assertEquals(Optional.of(lessons.resolve("03-clusterip.md")), cache.fileOf(course, "03-clusterip"));
        Lesson alone = lookUp(cache, "03-clusterip");
        assertEquals(full, alone);
        assertTrue(new CleanCourses(dir.resolve("cache"), Optional.of("engine-2")).fileOf(course, "03-clusterip").isEmpty(),
                "another engine build does not trust this one's verdict");
    }

    @Test
    void aCourseChangedSinceIsLoadedWholeAgainAndItsProblemsRefused() throws Exception {
        CleanCourses cache = new CleanCourses(dir.resolve("cache"), Optional.of("engine-1"));
        lookUp(cache, "03-clusterip");
        // A second file with the same id: only the whole course shows it (03-clusterip.md alone is unchanged).
        Files.copy(lessons.resolve("03-clusterip.md"), lessons.resolve("03-clusterip-copy.md"));
        UserInputException refused = assertThrows(UserInputException.class, () -> lookUp(cache, "03-clusterip"));
        assertTrue(refused.getMessage().contains("03-clusterip-copy.md"), refused.getMessage());
        assertTrue(cache.fileOf(CourseKey.of(ProjectLayout.discover(lessons)), "03-clusterip").isEmpty(), "a course with problems is not remembered");
        Files.delete(lessons.resolve("03-clusterip-copy.md"));
        assertEquals("03-clusterip", lookUp(cache, "03-clusterip").id());
        assertTrue(cache.fileOf(CourseKey.of(ProjectLayout.discover(lessons)), "03-clusterip").isPresent(), "clean again, remembered again");
    }
}
