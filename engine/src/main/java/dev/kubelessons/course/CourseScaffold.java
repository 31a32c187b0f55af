package dev.kubelessons.course;

import dev.kubelessons.failure.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a new course folder ({@code lesson new DIR}): the engine's sample course (templates/scaffold: a course
 * file with two paths, a lesson using every check kind, a README, a CI workflow) with the given title, and a
 * jbang-catalog.json whose {@code lesson} alias runs the engine that made it. It never writes into a folder that
 * has anything in it, and never replaces a file.
 */
public final class CourseScaffold {

    private static final String TITLE = "@TITLE@";

    private final Path scaffold;

    /** @param scaffold the engine's sample course, templates/scaffold of its home */
    public CourseScaffold(Path scaffold) {
        this.scaffold = scaffold;
    }

    /** @return the files written, relative to {@code dir} */
    public List<Path> create(Path dir, String title, String engineCatalog) {
        refuseNonEmpty(dir);
        try {
            Files.createDirectories(dir);
            List<Path> sources;
            try (Stream<Path> files = Files.walk(scaffold)) {
                sources = files.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path source : sources) {
                Path relative = scaffold.relativize(source);
                String text = Files.readString(source, StandardCharsets.UTF_8);
                String value = relative.toString().endsWith(".yaml") ? yamlQuoted(title) : title;
                write(dir.resolve(relative.toString()), text.replace("\"" + TITLE + "\"", value).replace(TITLE, title));
            }
            write(dir.resolve("jbang-catalog.json"), catalog(engineCatalog));
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the course to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void refuseNonEmpty(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException(dir + " is a file, not a folder",
                    "name a new folder for the course, e.g. 'new my-course'");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UserInputException("the folder " + dir + " is not empty; 'new' writes only into a new or empty folder and never replaces a file",
                            "name a new folder (e.g. 'new " + dir.getFileName() + "-course'), or empty that one yourself");
                }
            } catch (IOException e) {
                throw new UserInputException("cannot read the folder " + dir + ": " + e.getMessage(), "check its permissions");
            }
        }
    }

    /** The course's catalog: its own alias 'lesson', resolved through the engine's catalog (jbang's alias of an alias). */
    static String catalog(String engineCatalog) {
        return "{\n"
                + "  \"catalogs\": {},\n"
                + "  \"aliases\": {\n"
                + "    \"lesson\": {\n"
                + "      \"script-ref\": \"" + json("lesson@" + engineCatalog) + "\",\n"
                + "      \"description\": \"This course's lessons, run by the kubelessons engine of " + json(engineCatalog) + "\"\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static String yamlQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
