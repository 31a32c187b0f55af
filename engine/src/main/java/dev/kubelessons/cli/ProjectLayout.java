package dev.kubelessons.cli;

import dev.kubelessons.cluster.EngineHome;
import dev.kubelessons.course.CourseFile;
import dev.kubelessons.course.CourseFileReader;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.CourseLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the course lives: its folder (holding course.yaml, as mdBook's book.toml), its lessons/ and the templates
 * the site renders with (the engine's own, {@link EngineHome}, which a course file's 'templates:' overrides file by file). Found from --course, then --lessons, then $KUBELESSONS_ROOT, then by walking up from the
 * working directory to the nearest course.yaml, so {@code jbang lesson ...} works anywhere in a course.
 *
 * @param root          the course folder (the site goes to its site/)
 * @param courseRead    the course file as read, with its problems (lint reports them; other commands refuse them)
 */
public record ProjectLayout(Path root, Path lessons, Path templates, CourseFileReader.Read courseRead) {

    public static ProjectLayout discover(Path lessonsOverride) {
        return discover(null, lessonsOverride);
    }

    public static ProjectLayout discover(Path courseOverride, Path lessonsOverride) {
        Optional<Path> root;
        if (courseOverride != null) {
            Path folder = courseOverride.toAbsolutePath().normalize();
            if (!Files.isRegularFile(folder.resolve(CourseFile.NAME))) {
                throw new UserInputException("no " + CourseFile.NAME + " in " + folder,
                        "pass --course DIR with a course folder, or create one: " + Launcher.command("new DIR"));
            }
            root = Optional.of(folder);
        } else {
            root = findRoot();
        }
        Path lessons = lessonsOverride != null ? lessonsOverride.toAbsolutePath().normalize()
                : root.map(r -> r.resolve("lessons")).orElseThrow(() -> new UserInputException(
                        "cannot find a course (" + CourseFile.NAME + ") from " + Path.of("").toAbsolutePath(),
                        "run the command inside a course folder, pass --course DIR or --lessons DIR, or create a course: "
                                + Launcher.command("new DIR")));
        // A lessons folder given alone belongs to the course file beside it, if it has one.
        Optional<Path> courseFolder = lessonsOverride != null && lessons.getParent() != null
                && Files.isRegularFile(lessons.getParent().resolve(CourseFile.NAME)) ? Optional.of(lessons.getParent()) : root;
        Path base = root.orElse(lessons.getParent() == null ? lessons : lessons.getParent());
        // The engine's templates: its clone's while it runs from one (edits show at once), else those it carries.
        Path templates = EngineHome.require().resolve("templates");
        if (!Files.isDirectory(lessons)) {
            throw new UserInputException("no lessons folder at " + lessons, "pass --lessons DIR pointing at a folder of NN-slug.md lessons");
        }
        CourseFileReader.Read read = courseFolder.map(f -> f.resolve(CourseFile.NAME)).filter(Files::isRegularFile)
                .map(file -> new CourseFileReader().read(file))
                .orElseGet(() -> new CourseFileReader.Read(Optional.of(CourseFile.bare(lessons.getParent() == null ? lessons : lessons.getParent())), List.of()));
        return new ProjectLayout(base, lessons, templates, read);
    }

    /** The course file's problems: lint lists them with the lessons'. */
    public List<Problem> courseProblems() {
        return courseRead.problems();
    }

    /** The course; a course file with problems is refused with them all, as lessons with problems are. */
    public CourseFile course() {
        if (!courseRead.problems().isEmpty() || courseRead.course().isEmpty()) {
            throw new UserInputException("the course file has " + courseRead.problems().size() + " problem(s):" + System.lineSeparator()
                    + courseRead.problems().stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())),
                    "fix them (run '" + Launcher.command("lint") + "' to see them all), then run this again");
        }
        return courseRead.course().get();
    }

    /** The loader for this course's lessons: path ids checked against the course file's, when it declares them. */
    public CourseLoader loader() {
        return courseRead.course().filter(CourseFile::declaresPaths).map(c -> new CourseLoader(c.paths())).orElseGet(CourseLoader::new);
    }

    // Package-private: list asks whether its course is the one found from here, to say --course when it is not.
    static Optional<Path> findRoot() {
        String env = System.getenv("KUBELESSONS_ROOT");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env).toAbsolutePath().normalize());
        }
        String property = System.getProperty("kubelessons.root");
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CourseFile.NAME))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
