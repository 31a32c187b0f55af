package dev.kubelessons.site;

import dev.kubelessons.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Shared helpers for the site tests: fixture courses, the real templates, and folder snapshots. */
final class SiteTestSupport {

    private SiteTestSupport() {
    }

    static Path course() {
        return Fixtures.fixture("site-course");
    }

    static Path templates() {
        return Fixtures.repositoryRoot().resolve("templates");
    }

    static SiteBuild.Result build(Path lessons, Path out) {
        return new SiteBuild(lessons, templates(), out).run();
    }

    /** Every file under {@code dir} with its bytes as text, keyed by relative path: equal maps mean identical trees. */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree, for tests that break a copy of the templates. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
