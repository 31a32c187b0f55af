package dev.kubelessons.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which build of the engine runs, for the caches that keep its results between runs ({@link ListOutlineCache},
 * {@link LintedLessons}): the jar its classes came from, as "path size modified-time" (jbang keeps each build
 * of the sources in a folder of its own). Empty when the classes do not come from a jar (Maven's classes
 * folder), which has no such identity: then nothing is cached.
 */
final class EngineBuild {

    private EngineBuild() {
    }

    static Optional<String> identity() {
        try {
            var source = EngineBuild.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            return Optional.of(jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis());
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
