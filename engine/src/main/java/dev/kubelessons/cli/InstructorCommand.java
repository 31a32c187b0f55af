package dev.kubelessons.cli;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.DockerNodeShell;
import dev.kubelessons.instructor.AttendeeActions;
import dev.kubelessons.instructor.AttendeeKubeconfig;
import dev.kubelessons.instructor.AttendeeName;
import dev.kubelessons.instructor.BoardService;
import dev.kubelessons.instructor.BoardTokens;
import dev.kubelessons.instructor.Provisioner;
import dev.kubelessons.instructor.Rehearsal;
import dev.kubelessons.instructor.Teardown;
import dev.kubelessons.instructor.WorkshopNames;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.AtomicFile;
import dev.kubelessons.runner.ClusterSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jbang lesson instructor ...}: run a workshop on a shared cluster (provision, serve the board, reset, rehearse, teardown). */
@Command(name = "instructor", mixinStandardHelpOptions = true,
        description = "Run a workshop: isolated attendees on a shared cluster, a live progress board, reset and reveal.",
        subcommands = {InstructorCommand.Provision.class, InstructorCommand.Serve.class, InstructorCommand.Rehearse.class,
                InstructorCommand.Reset.class, InstructorCommand.FastForward.class, InstructorCommand.Down.class})
public final class InstructorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.BAD_INPUT;
    }

    /** Shared by the subcommands: global options, the workshop's lessons and a cluster session. */
    abstract static class Base implements Callable<Integer> {
        @Mixin
        GlobalOptions global = new GlobalOptions();
        @Spec
        CommandSpec spec;
        // Not --lessons: that global option names the lessons folder.
        @Option(names = "--lesson-ids", split = ",", paramLabel = "id,id", description = "The workshop's lessons (default: every lesson).")
        List<String> lessonIds = new ArrayList<>();

        List<Lesson> lessons() {
            LessonLookup lookup = new LessonLookup(global.layout());
            return lessonIds.isEmpty() ? lookup.all() : lessonIds.stream().map(lookup::lesson).toList();
        }

        Lesson lesson(String id) {
            return new LessonLookup(global.layout()).lesson(id);
        }

        ClusterSession session() {
            return ClusterSession.open(global.cluster(), err());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    /** The attendees: N numbered, or named. */
    static final class Who {
        @Option(names = "--attendees", paramLabel = "N", description = "Number of attendees, named attendee-01 ...")
        Integer count;
        @Option(names = "--names", split = ",", paramLabel = "a,b,c", description = "Attendee names (DNS labels).")
        List<String> names;

        List<String> names(List<Lesson> lessons) {
            List<String> chosen = count != null ? AttendeeName.numbered(count) : names;
            return AttendeeName.validate(chosen, lessons.stream().map(Lesson::id).toList());
        }
    }

    @Command(name = "provision", mixinStandardHelpOptions = true, description = "Create (or update) the attendees' namespaces, access and kubeconfigs.")
    static final class Provision extends Base {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write <attendee>.kubeconfig.")
        Path out;
        @Option(names = "--token-ttl", defaultValue = "2h", paramLabel = "DURATION", description = "Lifetime of the attendees' tokens (default 2h).")
        String ttl;
        @Option(names = "--parallel", defaultValue = "16", paramLabel = "N", description = "Attendees provisioned at once.")
        int parallel;

        @Override
        public Integer call() {
            List<Lesson> lessons = lessons();
            List<String> attendees = who.names(lessons);
            Duration tokenTtl = AttendeeKubeconfig.parseTtl(ttl);
            long start = System.nanoTime();
            try (ClusterSession session = session()) {
                var kubeconfigs = new AttendeeKubeconfig(session.client(), session.access().config());
                new Provisioner(session.client(), kubeconfigs, Math.max(1, parallel)).provision(attendees, lessons, out, tokenTtl, err());
            }
            out().printf("provisioned %d attendee(s) x %d lesson(s) in %.1f s; kubeconfigs in %s (tokens valid %s)%n", attendees.size(),
                    lessons.size(), (System.nanoTime() - start) / 1e9, out.toAbsolutePath(), ttl);
            out().println("each attendee: export KUBECONFIG=<attendee>.kubeconfig; their lessons run in namespaces kl-<attendee>-<lesson id>");
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "teardown", mixinStandardHelpOptions = true, description = "Delete every namespace a workshop created (found by label), nothing else.")
    static final class Down extends Base {
        @Option(names = "--names", split = ",", paramLabel = "a,b", description = "Only these attendees (default: all).")
        List<String> names = new ArrayList<>();
        @Option(names = "--no-wait", description = "Return without waiting for the namespaces to be gone.")
        boolean noWait;

        @Override
        public Integer call() {
            List<String> attendees = names.isEmpty() ? List.of() : AttendeeName.validate(names, List.of());
            try (ClusterSession session = session()) {
                List<String> removed = new Teardown(session.client()).remove(attendees, !noWait);
                removed.forEach(name -> out().println("deleted namespace " + name));
                out().println(removed.isEmpty() ? "teardown: nothing to remove" : "teardown: " + removed.size() + " namespace(s) removed");
            }
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Start an attendee's lesson over.")
    static class Reset extends Base {
        @Parameters(index = "0", paramLabel = "<attendee>")
        String attendee;
        @Parameters(index = "1", paramLabel = "<lesson>")
        String lessonId;

        @Override
        public Integer call() {
            Lesson lesson = lesson(lessonId);
            AttendeeName.validate(List.of(attendee), List.of(lesson.id()));
            try (ClusterSession session = session()) {
                AttendeeActions actions = new AttendeeActions(session.client(), session.access());
                act(actions, lesson);
            }
            out().println(verb() + " " + lesson.id() + " for " + attendee + ": namespace " + WorkshopNames.lesson(attendee, lesson.id()));
            out().flush();
            return ExitCodes.OK;
        }

        void act(AttendeeActions actions, Lesson lesson) {
            actions.reset(attendee, lesson);
        }

        String verb() {
            return "reset";
        }
    }

    @Command(name = "fast-forward", mixinStandardHelpOptions = true, description = "Reset an attendee's lesson and apply its reference solution.")
    static final class FastForward extends Reset {
        @Override
        void act(AttendeeActions actions, Lesson lesson) {
            actions.fastForward(attendee, lesson);
        }

        @Override
        String verb() {
            return "fast-forwarded";
        }
    }

    @Command(name = "rehearse", mixinStandardHelpOptions = true, description = "Dress rehearsal: verify the workshop's lessons on the target cluster; go or no-go.")
    static final class Rehearse extends Base {
        @Override
        public Integer call() {
            List<Lesson> lessons = lessons();
            try (ClusterSession session = session()) {
                boolean go = new Rehearsal(session, LessonCommand.SETTLE_TIMEOUT).run(lessons, out());
                out().flush();
                return go ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "The live progress board: attendees x lessons, reset, fast-forward, reveal.")
    static final class Serve extends Base {
        @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (default 8080; 0 picks a free one).")
        int port;
        @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "Address to listen on; 0.0.0.0 to let attendees report.")
        String bind;
        @Option(names = "--stuck-minutes", defaultValue = "10", paramLabel = "M", description = "Flag attendees without progress for M minutes.")
        long stuckMinutes;
        @Option(names = "--names", split = ",", paramLabel = "a,b", description = "Attendees on their own clusters, who report with --report-to.")
        List<String> remote = new ArrayList<>();
        @Option(names = "--out", paramLabel = "DIR", description = "Write <attendee>.report-token files here (and keep the board's key, so tokens survive restarts).")
        Path out;
        @Option(names = "--no-cluster", description = "No shared cluster: progress comes from attendees' reports only.")
        boolean noCluster;

        @Override
        public Integer call() throws IOException, InterruptedException {
            List<Lesson> lessons = lessons();
            List<String> remoteAttendees = remote.isEmpty() ? List.of() : AttendeeName.validate(remote, lessons.stream().map(Lesson::id).toList());
            if (stuckMinutes < 1) {
                throw new UserInputException("--stuck-minutes must be at least 1", "e.g. --stuck-minutes 10");
            }
            BoardTokens tokens = new BoardTokens(key());
            var settings = new BoardService.Settings(lessons, remoteAttendees, global.layout().templates(),
                    new InetSocketAddress(bind, port), Duration.ofMinutes(stuckMinutes), tokens);
            ClusterSession session = noCluster ? null : session();
            try (BoardService board = new BoardService(settings, session == null ? null : session.client(),
                    session == null ? null : session.access(), session == null ? null : contexts(session), err()).start()) {
                writeReportTokens(board.board().attendees(), tokens);
                out().println("board: " + board.url() + " (" + board.board().attendees().size() + " attendees)");
                // Printed once, here, and nowhere else: the page, the logs and the events never carry it.
                out().println("instructor token: " + tokens.instructor() + "  (sign in at " + board.url() + "login, or send Authorization: Bearer)");
                out().println("Ctrl-C stops the board.");
                out().flush();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            } finally {
                if (session != null) {
                    session.close();
                }
            }
            return ExitCodes.OK;
        }

        private java.util.function.Function<String, CheckContext> contexts(ClusterSession session) {
            boolean dataPlane = session.provider().hasDataPlane();
            DockerNodeShell shell = session.provider().name().equals("kind") ? new DockerNodeShell("kubelessons") : null;
            return namespace -> dataPlane ? CheckContext.withDataPlane(session.client(), namespace, shell)
                    : CheckContext.withoutDataPlane(session.client(), namespace, CheckContext.KWOK_REASON);
        }

        private byte[] key() throws IOException {
            if (out == null) {
                return BoardTokens.newKey();
            }
            Path file = out.resolve(".board-key");
            if (Files.isRegularFile(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = BoardTokens.newKey();
            AtomicFile.write(file, Base64.getEncoder().encodeToString(key) + "\n");
            return key;
        }

        private void writeReportTokens(List<String> attendees, BoardTokens tokens) {
            if (out == null) {
                return;
            }
            attendees.forEach(name -> AtomicFile.write(out.resolve(name + ".report-token"), tokens.attendee(name) + "\n"));
            out().println("report tokens: " + out.toAbsolutePath() + "/<attendee>.report-token (" + attendees.size() + ")");
        }
    }
}
