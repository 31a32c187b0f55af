package dev.kubelessons.cli;

import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remembers, per lesson file, the last lesson that passed lint's rules, so {@code lint} and the commands that
 * run a lesson ({@code --check}, {@code reset}, {@code verify}) do not run them again for a lesson nobody
 * changed: the rules (CEL typed against the schema, PlantUML's syntax check) were half of {@code lint} and a
 * third of a warm {@code --check}'s own work (bench/RESULTS.md). The key is a SHA-256 of what the parsed lesson is
 * made from: the engine build, the course's declared paths (the parser reads a lesson's paths against them), the
 * file's path and the bytes it was parsed from ({@link dev.kubelessons.lesson.SourceFingerprint}: their length and two CRCs,
 * taken when they were read, so an edit made while lint runs is never recorded clean). (It was a SHA-256 of the whole parsed lesson's text, a quarter of a cold lint of 1,000
 * lessons in C1-compiled SHA-256.) Only a clean verdict is kept, so problems are always found afresh. Without an
 * engine build identity nothing is kept.
 */
final class LintedLessons {

    private final Path folder;
    private final Optional<String> engineBuild;
    private final String declaredPaths;
    // Lessons are linted on every core: at worst two threads both create the folder, which is harmless.
    private volatile boolean folderMade;

    LintedLessons(Path folder, Optional<String> engineBuild, String declaredPaths) {
        this.folder = folder;
        this.engineBuild = engineBuild;
        this.declaredPaths = declaredPaths;
    }

    /** In the user's cache folder ({@link UserDirs}), for the engine build that runs and {@code layout}'s course. */
    static LintedLessons forUser(ProjectLayout layout) {
        return new LintedLessons(UserDirs.fromEnvironment().cache().resolve("linted-lessons"), EngineBuild.identity(),
                CourseKey.of(layout).paths());
    }

    /** {@code rules}' problems in {@code lesson}; none, without running them, when this very lesson passed them before. */
    List<Problem> lint(Lesson lesson, Function<Lesson, List<Problem>> rules) {
        Optional<String> key = engineBuild.map(build -> key(build, declaredPaths, lesson));
        Path marker = folder.resolve(Sha256.nameFor(lesson.source().toAbsolutePath().normalize().toString()));
        if (key.isPresent() && key.get().equals(read(marker))) {
            return List.of();
        }
        List<Problem> problems = rules.apply(lesson);
        if (problems.isEmpty() && key.isPresent()) {
            write(marker, key.get());
        }
        return problems;
    }

    /**
     * Writes the marker in place, not through a temporary file and a rename: a marker is only ever compared whole
     * with a key, so a torn or interleaved write (a crash, two lints at once) reads as a miss and the lesson is
     * linted again, the same as without the marker; and a marker rewritten after an engine rebuild keeps its file.
     * The temporary file, its random name and the rename were half of a cold lint's system time at 1,000 lessons.
     */
    private void write(Path marker, String key) {
        try {
            if (!folderMade) {
                Files.createDirectories(folder);
                folderMade = true;
            }
            Files.write(marker, key.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            // A read-only cache folder: the lesson is linted again next time, as without this cache.
        }
    }

    /** The key names the bytes the lesson was parsed from: the file as it is now may already be another edit, not linted. */
    private static String key(String build, String declaredPaths, Lesson lesson) {
        MessageDigest digest = Sha256.digest();
        digest.update((build + "\u0000" + declaredPaths + "\u0000" + lesson.source().toAbsolutePath().normalize() + "\u0000"
                + lesson.fingerprint().keyPart()).getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(digest);
    }

    private static String read(Path marker) {
        try {
            return Files.isRegularFile(marker) ? Files.readString(marker) : "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

}
