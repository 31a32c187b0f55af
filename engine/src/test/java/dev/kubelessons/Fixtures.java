package dev.kubelessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixture folders and golden files for scenario tests; -Dgolden.update=true rewrites the golden files. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path resources() {
        return Path.of("src/test/resources").toAbsolutePath();
    }

    public static Path fixture(String name) {
        return resources().resolve("fixtures").resolve(name);
    }

    /** A loader for the fixture lessons folders, their path ids checked against fixtures/course.yaml. */
    public static dev.kubelessons.markdown.CourseLoader loader() {
        return new dev.kubelessons.markdown.CourseLoader(course().paths());
    }

    /** The fixtures' course file, fixtures/course.yaml. */
    public static dev.kubelessons.course.CourseFile course() {
        return new dev.kubelessons.course.CourseFileReader().read(resources().resolve("fixtures").resolve("course.yaml")).course()
                .orElseThrow(() -> new AssertionError("fixtures/course.yaml has problems"));
    }

    public static Path repositoryRoot() {
        return Path.of(System.getProperty("kubelessons.root", "..")).toAbsolutePath().normalize();
    }

    /** Copies every file of the real course's lessons folder into {@code target} (created), for tests that edit a course. */
    public static Path copyRealLessons(Path target) {
        try {
            Files.createDirectories(target);
            try (java.util.stream.Stream<Path> files = Files.list(repositoryRoot().resolve("lessons"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code actual} with the golden file, or rewrites it when golden.update is set. */
    public static void assertGolden(String goldenName, String actual) {
        Path golden = resources().resolve("golden").resolve(goldenName);
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(golden) && Boolean.getBoolean("golden.create")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                throw new AssertionError("golden file " + golden + " is missing; run the test with -Dgolden.update=true to create it");
            }
            org.junit.jupiter.api.Assertions.assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                    "output differs from " + golden + " (run with -Dgolden.update=true if the change is intended)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
