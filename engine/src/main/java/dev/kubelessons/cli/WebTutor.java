package dev.kubelessons.cli;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.instructor.ProgressReporter;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.live.BrowserOpener;
import dev.kubelessons.live.LiveServer;
import dev.kubelessons.live.WebTutorView;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.InteractiveLoop;
import dev.kubelessons.runner.LessonView;
import dev.kubelessons.runner.ProgressStore;
import dev.kubelessons.runner.Terminal;
import dev.kubelessons.site.SiteBuild;
import dev.kubelessons.tui.FullScreenView;
import dev.kubelessons.tui.PlainView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code jbang lesson <id> --web}: one runner session with two views, the terminal tutor as usual and the lesson page in
 * the browser, served from a site built for this run. Quitting the tutor stops the page; without a terminal (input
 * ended) the page stays served until the process is stopped.
 */
final class WebTutor {

    private final GlobalOptions global;
    private final int port;
    private final boolean openBrowser;

    WebTutor(GlobalOptions global, int port, boolean openBrowser) {
        this.global = global;
        this.port = port;
        this.openBrowser = openBrowser;
    }

    int run(Lesson lesson, ProgressStore progress, ProgressReporter reporter, PrintWriter out, PrintWriter err) {
        ProjectLayout layout = global.layout();
        Path work = temporaryFolder();
        try {
            Path siteDir = work.resolve("site");
            new SiteBuild(layout.lessons(), layout.templates(), siteDir).course(layout.course()).diagramCache(SiteCommand.diagramCache()).run();
            try (LiveServer server = bind(siteDir, lesson);
                 ClusterSession session = ClusterSession.openInteractive(global.cluster(), lesson, err)) {
                server.start();
                out.println("Live lesson page: " + server.url() + "  (the terminal tutor below works too; q quits both)");
                if (openBrowser) {
                    BrowserOpener.open(server.url()).ifPresent(why -> out.println("Open it in your browser yourself: " + why + "."));
                }
                out.flush();
                Optional<FullScreenView> screen = FullScreenView.open(global.color());
                boolean terminal = System.console() != null;
                LessonView inner = screen.<LessonView>map(s -> s).orElseGet(() -> new PlainView(Terminal.system(global.color() && terminal)));
                try (LessonView view = new WebTutorView(inner, server.url(), !terminal)) {
                    InteractiveLoop loop = new InteractiveLoop(session, lesson, progress, view);
                    if (reporter != null) {
                        loop.reportingTo(verdicts -> reporter.report(lesson.id(), lesson.title(), verdicts));
                    }
                    server.connect(loop);
                    int code = loop.run();
                    loop.nextLesson().ifPresent(next -> out.println("Next: " + lesson.runCommand().replace(lesson.id(), next) + " --web"));
                    return code;
                }
            }
        } finally {
            delete(work);
        }
    }

    private LiveServer bind(Path siteDir, Lesson lesson) {
        try {
            return new LiveServer(siteDir, lesson, port);
        } catch (BindException e) {
            throw new UserInputException("port " + port + " on 127.0.0.1 is in use", "stop the other server, or pass another --port N (0 picks a free one)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("kubelessons-web-");
        } catch (IOException e) {
            throw new dev.kubelessons.failure.PrerequisiteException("cannot create a temporary folder for the live site: " + e.getMessage(),
                    "check that " + System.getProperty("java.io.tmpdir") + " is writable (or set TMPDIR)");
        }
    }

    /** The site built for this run only; nothing of the learner's is in it. */
    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover folder in the temporary directory harms nothing.
        }
    }

}
