package dev.kubelessons.cli;

import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.runner.AtomicFile;
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
 * third of a warm {@code --check}'s own work (bench/RESULTS.md). The key is a SHA-256 of the engine build, the whole parsed lesson (every record of it, so
 * any change to its text, positions, paths or checks changes it) and the file's bytes; only a clean verdict
 * is kept, so problems are always found afresh. Without an engine build identity nothing is kept.
 */
final class LintedLessons {

    private final Path folder;
    private final Optional<String> engineBuild;

    LintedLessons(Path folder, Optional<String> engineBuild) {
        this.folder = folder;
        this.engineBuild = engineBuild;
    }

    /** In the user's cache folder ({@link UserDirs}), for the engine build that runs. */
    static LintedLessons forUser() {
        return new LintedLessons(UserDirs.fromEnvironment().cache().resolve("linted-lessons"), EngineBuild.identity());
    }

    /** {@code rules}' problems in {@code lesson}; none, without running them, when this very lesson passed them before. */
    List<Problem> lint(Lesson lesson, Function<Lesson, List<Problem>> rules) {
        Optional<String> key = engineBuild.flatMap(build -> key(build, lesson));
        Path marker = folder.resolve(Sha256.nameFor(lesson.source().toAbsolutePath().normalize().toString()));
        if (key.isPresent() && key.get().equals(read(marker))) {
            return List.of();
        }
        List<Problem> problems = rules.apply(lesson);
        if (problems.isEmpty() && key.isPresent()) {
            try {
                AtomicFile.write(marker, key.get());
            } catch (UncheckedIOException e) {
                // A read-only cache folder: the lesson is linted again next time, as without this cache.
            }
        }
        return problems;
    }

    private static Optional<String> key(String build, Lesson lesson) {
        try {
            byte[] bytes = Files.readAllBytes(lesson.source());
            MessageDigest digest = Sha256.digest();
            digest.update((build + "\u0000" + lesson + "\u0000").getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            return Optional.of(Sha256.hex(digest));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String read(Path marker) {
        try {
            return Files.isRegularFile(marker) ? Files.readString(marker) : "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

}
