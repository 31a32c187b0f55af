package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.KubelessonsException;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.site.DiagramCache;
import dev.kubelessons.site.SiteBuild;
import dev.kubelessons.site.SiteBuildException;
import dev.kubelessons.site.SiteServer;
import dev.kubelessons.site.SiteWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbang lesson site}: renders the course to a static site, optionally serving it with live reload. */
@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Render the lessons to a static site (site/ by default); --serve previews it and rebuilds on every change.")
public final class SiteCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: site/ in the repository). Replaced as a whole on each build.")
    Path out;

    @Option(names = "--serve", description = "Serve the site on 127.0.0.1 and rebuild and reload when a lesson or template changes.")
    boolean serve;

    @Option(names = "--allow-empty", description = "Build even when the lessons folder has no lesson (refused by default: it would empty the site).")
    boolean allowEmpty;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000", description = "Port for --serve (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port " + port + " is not a port number", "pass --port N with N from 1 to 65535 (0 picks a free port)");
        }
        ProjectLayout layout = global.layout();
        Path target = out != null ? out : layout.root().resolve("site");
        SiteBuild build = new SiteBuild(layout.lessons(), layout.templates(), target).course(layout.course()).allowEmpty(allowEmpty)
                .diagramCache(diagramCache());
        PrintWriter stdout = spec.commandLine().getOut();
        if (!serve) {
            report(buildOnce(build), stdout);
            return ExitCodes.OK;
        }
        // Bind first: a busy port should fail before any work is done.
        try (SiteServer server = bind(build.out())) {
            report(buildOnce(build), stdout);
            serve(server, build, layout, stdout);
        }
        return ExitCodes.OK;
    }

    /** Diagrams drawn by earlier builds of this engine build, in the user's cache folder: a warm build never loads PlantUML. */
    static DiagramCache diagramCache() {
        return DiagramCache.in(UserDirs.fromEnvironment().cache().resolve("diagrams"), EngineBuild.identity());
    }

    private SiteServer bind(Path root) throws IOException {
        try {
            return new SiteServer(root, port);
        } catch (BindException e) {
            throw new UserInputException("port " + port + " on 127.0.0.1 is in use", "stop the other server or pass --port N");
        }
    }

    private SiteBuild.Result buildOnce(SiteBuild build) {
        try {
            return build.run();
        } catch (SiteBuildException e) {
            printProblems(e.problems());
            throw e;
        }
    }

    private void serve(SiteServer server, SiteBuild build, ProjectLayout layout, PrintWriter stdout) throws IOException {
        // The course's own templates too: an edit to one of them is as much an edit as one to the engine's.
        List<Path> watched = new ArrayList<>(List.of(layout.lessons(), layout.templates()));
        layout.course().templates().ifPresent(watched::add);
        try (SiteWatcher watcher = new SiteWatcher(watched, build.out())) {
            server.start();
            stdout.println("serving " + server.url() + "  (rebuilds when lessons/ or templates/ change; Ctrl-C stops)");
            stdout.flush();
            watcher.watchChanges(changed -> {
                try {
                    long start = System.nanoTime();
                    SiteBuild.Update update = build.update(changed);
                    if (update.full()) {
                        report(update.result(), stdout);
                    } else {
                        stdout.printf("site: %d lesson%s, rewrote %d file%s in %d ms%n", update.result().lessons(), update.result().lessons() == 1 ? "" : "s",
                                update.rewritten().size(), update.rewritten().size() == 1 ? "" : "s", (System.nanoTime() - start) / 1_000_000);
                        stdout.flush();
                    }
                    server.siteChanged();
                } catch (KubelessonsException e) {
                    // While serving, a broken edit must not stop the server: show it, in the terminal and in the open
                    // pages, and keep the last good site.
                    StringBuilder shown = new StringBuilder();
                    if (e instanceof SiteBuildException failed) {
                        printProblems(failed.problems());
                        Path relativeTo = Path.of("").toAbsolutePath();
                        failed.problems().forEach(p -> shown.append(p.relativeTo(relativeTo).format()).append('\n'));
                    }
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("error: " + e.getMessage());
                    err.println("  next: " + e.nextStep());
                    err.flush();
                    server.buildFailed(shown + "error: " + e.getMessage() + "\n  next: " + e.nextStep());
                }
            });
        }
    }

    private void report(SiteBuild.Result result, PrintWriter stdout) {
        stdout.println("site: " + result.lessons() + " lesson" + (result.lessons() == 1 ? "" : "s") + ", " + result.pages()
                + " pages -> " + result.out().resolve("index.html").toUri());
        stdout.flush();
    }

    private void printProblems(List<Problem> problems) {
        PrintWriter err = spec.commandLine().getErr();
        Path relativeTo = Path.of("").toAbsolutePath();
        problems.forEach(p -> err.println(p.relativeTo(relativeTo).format()));
        err.flush();
    }
}
