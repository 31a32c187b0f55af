package dev.kubelessons.cli;

import dev.kubelessons.failure.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the course lives: the repository root (the folder holding jbang-catalog.json),
 * its lessons/ and templates/. Found from --lessons, then $KUBELESSONS_ROOT, then by
 * walking up from the working directory, so {@code jbang lesson ...} works anywhere in a clone.
 */
public record ProjectLayout(Path root, Path lessons, Path templates) {

    public static ProjectLayout discover(Path lessonsOverride) {
        Optional<Path> root = findRoot();
        Path lessons = lessonsOverride != null ? lessonsOverride.toAbsolutePath().normalize()
                : root.map(r -> r.resolve("lessons")).orElseThrow(() -> new UserInputException(
                        "cannot find the kubelessons repository from " + Path.of("").toAbsolutePath(),
                        "run the command inside a kubelessons clone, or pass --lessons DIR"));
        Path base = root.orElse(lessons.getParent() == null ? lessons : lessons.getParent());
        Path templates = base.resolve("templates");
        if (!Files.isDirectory(lessons)) {
            throw new UserInputException("no lessons folder at " + lessons, "pass --lessons DIR pointing at a folder of NN-slug.md lessons");
        }
        return new ProjectLayout(base, lessons, templates);
    }

    private static Optional<Path> findRoot() {
        String env = System.getenv("KUBELESSONS_ROOT");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env).toAbsolutePath().normalize());
        }
        String property = System.getProperty("kubelessons.root");
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("jbang-catalog.json")) && Files.isDirectory(dir.resolve("lessons"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
