package dev.kubelessons.course;

import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Launcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, String> files = sampleCourse(title);
        files.put("jbang-catalog.json", catalog(engineCatalog));
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                write(dir.resolve(file.getKey()), file.getValue());
            }
            try (Stream<Path> written = Files.walk(dir)) {
                return written.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
            }
        } catch (IOException e) {
            // Where the user asked for the course is theirs to choose: a folder that cannot be made there is bad input.
            throw new UserInputException("cannot write the course to " + dir + ": " + why(dir, e),
                    "name a folder you can create and write to, e.g. " + Launcher.command("new ~/my-course")
                            + (Files.isDirectory(dir) ? " (and delete what was written to " + dir + ")" : ""));
        }
    }

    /** The engine's sample course with the title filled in, by path relative to the course folder. */
    private Map<String, String> sampleCourse(String title) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> sources = Files.walk(scaffold)) {
            for (Path source : sources.filter(Files::isRegularFile).sorted().toList()) {
                String relative = scaffold.relativize(source).toString();
                String text = Files.readString(source, StandardCharsets.UTF_8);
                String value = relative.endsWith(".yaml") ? yamlQuoted(title) : title;
                files.put(relative, text.replace("\"" + TITLE + "\"", value).replace(TITLE, title));
            }
        } catch (IOException | UncheckedIOException e) {
            // The engine's own files, not the user's input: an install that lost them.
            throw new PrerequisiteException("cannot read the engine's sample course in " + scaffold + ": " + e.getMessage(),
                    "restore it (git checkout -- templates/scaffold in the engine's clone), or run the engine from a complete clone");
        }
        return files;
    }

    /** Why {@code dir} could not be written, in words: the OS's reason, or the file that stands where a folder must be. */
    private static String why(Path dir, IOException e) {
        for (Path above = dir.getParent(); above != null; above = above.getParent()) {
            if (Files.exists(above)) {
                if (!Files.isDirectory(above)) {
                    return above + " is a file, not a folder";
                }
                break;
            }
        }
        if (e instanceof FileSystemException failed) {
            String file = failed.getFile() != null ? failed.getFile() : String.valueOf(dir);
            if (e instanceof AccessDeniedException) {
                return file + ": permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return file + " cannot be created there";
            }
            return failed.getReason() != null ? file + ": " + failed.getReason() : e.getMessage();
        }
        return e.getMessage();
    }

    private static void refuseNonEmpty(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException(dir + " is a file, not a folder",
                    "name a new folder for the course, e.g. " + Launcher.command("new my-course"));
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UserInputException("the folder " + dir + " is not empty; 'new' writes only into a new or empty folder and never replaces a file",
                            "name a new folder (e.g. " + Launcher.command("new " + dir.getFileName() + "-course") + "), or empty that one yourself");
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
