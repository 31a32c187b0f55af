package dev.kubelessons.cli;

import dev.kubelessons.course.CourseFile;
import dev.kubelessons.markdown.CourseLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A course's identity for the result caches ({@link ListOutlineCache}, {@link CleanCourses}): a SHA-256 of the engine
 * build, the course's declared paths (the parser checks path ids against them) and every lesson file's name and bytes.
 * Hashing the files takes milliseconds where parsing them takes a good part of a command's start-up.
 */
record CourseKey(Path lessons, String paths) {

    /** The key's inputs for {@code layout}: its lessons folder, absolute, and the paths its course file declares. */
    static CourseKey of(ProjectLayout layout) {
        String paths = layout.courseRead().course().filter(CourseFile::declaresPaths).map(c -> "declared " + c.paths()).orElse("named by the lessons");
        return new CourseKey(layout.lessons().toAbsolutePath().normalize(), paths);
    }

    /** The cache file of this lessons folder in {@code cacheFolder}. */
    Path fileIn(Path cacheFolder, String suffix) {
        return cacheFolder.resolve(Sha256.nameFor(lessons.toString()) + suffix);
    }

    /** The digest of everything now, or empty when a file vanished while it was read (no key, no cache). */
    Optional<String> digest(String engineBuild) {
        try {
            MessageDigest digest = Sha256.digest();
            update(digest, engineBuild);
            update(digest, paths);
            update(digest, lessons.toString());
            for (Path lesson : CourseLoader.lessonFiles(lessons)) {
                update(digest, lesson.getFileName().toString());
                long size = Files.size(lesson);
                if (size > CourseLoader.MAX_LESSON_BYTES) {
                    // Refused unread by the loader whatever it holds, so its size is identity enough; reading it whole ran out of memory.
                    update(digest, "over the limit: " + size);
                    continue;
                }
                byte[] bytes = Files.readAllBytes(lesson);
                update(digest, Integer.toString(bytes.length));
                digest.update(bytes);
            }
            return Optional.of(Sha256.hex(digest));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
