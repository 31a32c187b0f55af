package dev.kubelessons.cli;

import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.runner.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers courses that loaded without a single problem (parser, cross-lesson rules), with the file each lesson
 * id came from, under a {@link CourseKey}. A command that runs one lesson of such a course ({@code --check},
 * {@code reset}) parses that lesson's file alone instead of every lesson (a tenth of a warm {@code --check}):
 * while the key matches, no file changed, so the lesson and its clean verdict are what a full load would give.
 * A course with problems is never remembered, so they are always found afresh. Without an engine build identity
 * nothing is kept; a file that cannot be read or written is a miss, never an error.
 */
final class CleanCourses {

    private final Path folder;
    private final Optional<String> engineBuild;

    CleanCourses(Path folder, Optional<String> engineBuild) {
        this.folder = folder;
        this.engineBuild = engineBuild;
    }

    /** In the user's cache folder ({@link UserDirs}), for the engine build that runs. */
    static CleanCourses forUser() {
        return new CleanCourses(UserDirs.fromEnvironment().cache().resolve("clean-courses"), EngineBuild.identity());
    }

    /** The file lesson {@code id} came from, if the course as it is now loaded clean before. */
    Optional<Path> fileOf(CourseKey course, String id) {
        Optional<String> key = engineBuild.flatMap(course::digest);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = read(course.fileIn(folder, ".txt"));
        if (lines.isEmpty() || !lines.get(0).equals(key.get())) {
            return Optional.empty();
        }
        String prefix = id + "\t";
        return lines.stream().skip(1).filter(line -> line.startsWith(prefix))
                .map(line -> course.lessons().resolve(line.substring(prefix.length()))).findFirst();
    }

    /**
     * Remembers a course that loaded clean, {@code files} by lesson id (file names in the lessons folder), if the
     * files are still the ones it loaded: the key is taken before ({@code keyBefore}) and again now.
     */
    void remember(CourseKey course, Optional<String> keyBefore, Map<String, String> files) {
        if (keyBefore.isEmpty() || !keyBefore.equals(engineBuild.flatMap(course::digest))) {
            return;
        }
        StringBuilder text = new StringBuilder(keyBefore.get()).append('\n');
        new LinkedHashMap<>(files).forEach((id, file) -> text.append(id).append('\t').append(file).append('\n'));
        try {
            AtomicFile.write(course.fileIn(folder, ".txt"), text.toString());
        } catch (UncheckedIOException e) {
            // A read-only cache folder: the next command loads the whole course, as without this cache.
        }
    }

    /** The key of the course now, to pass to {@link #remember} after loading it. */
    Optional<String> key(CourseKey course) {
        return engineBuild.flatMap(course::digest);
    }

    private static List<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
