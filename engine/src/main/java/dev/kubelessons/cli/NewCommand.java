package dev.kubelessons.cli;

import dev.kubelessons.cluster.EngineHome;
import dev.kubelessons.course.CourseScaffold;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.lesson.ShellWord;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbang lesson new DIR [--title TEXT]}: scaffolds a course folder that lints clean and verifies on kwok. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a course in a new or empty folder: course.yaml, a sample lesson, jbang-catalog.json, a README and a CI workflow.")
public final class NewCommand implements Callable<Integer> {

    // The options every command accepts (DESIGN.md); before the course exists only --verbose and --no-color change anything.
    @Mixin
    GlobalOptions global = new GlobalOptions();

    /** The engine catalog the learner ran, set by the ./jbang wrapper (its own clone's, or the one after 'lesson@'). */
    static final String ENGINE_ENV = "KUBELESSONS_ENGINE_CATALOG";

    @Parameters(index = "0", paramLabel = "DIR", description = "The course folder to create (must not exist, or be empty).")
    Path dir;

    @Option(names = "--title", paramLabel = "TEXT", description = "The course's title (default: the folder's name).")
    String title;

    @Option(names = "--engine", paramLabel = "CATALOG",
            description = "The engine's jbang catalog (a path or URL) for the course's 'lesson' alias (default: the one this engine was run from).")
    String engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path target = dir.toAbsolutePath().normalize();
        String name = title != null && !title.isBlank() ? title.strip() : String.valueOf(target.getFileName());
        String catalog = engineCatalog();
        Path home = EngineHome.require();
        List<Path> written = new CourseScaffold(home.resolve("templates/scaffold")).create(target, name, catalog);
        PrintWriter out = spec.commandLine().getOut();
        out.println("created the course '" + name + "' in " + target + ":");
        written.forEach(file -> out.println("  " + file));
        out.println("its 'lesson' alias runs the engine of " + catalog);
        // A line to paste into a shell: the folder quoted, the launcher as it is found from inside the new folder.
        out.println("next: cd " + ShellWord.of(dir.toString()) + " && " + Launcher.commandInAnyFolder("lint") + " && "
                + Launcher.commandInAnyFolder("verify --all"));
        out.flush();
        return ExitCodes.OK;
    }

    /** --engine, else what the wrapper says, else the clone the engine runs from; refused when none is known. */
    private String engineCatalog() {
        Optional<String> given = Optional.ofNullable(engine).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(ENGINE_ENV)).filter(s -> !s.isBlank()))
                .or(() -> EngineHome.find().map(home -> home.resolve("jbang-catalog.json")).filter(Files::isRegularFile).map(Path::toString));
        String catalog = given.orElseThrow(() -> new UserInputException("cannot tell which engine catalog this engine was run from",
                "pass --engine CATALOG, the path or URL of the jbang-catalog.json you ran 'lesson@...' from"));
        // A local catalog is written as an absolute path, so the course works from any folder.
        return catalog.contains("://") ? catalog : Path.of(catalog).toAbsolutePath().normalize().toString();
    }
}
