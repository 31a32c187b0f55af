package dev.kubelessons.instructor;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/** {@code instructor serve} assembled: the board, the instructor's own evaluation on the cluster, the HTTP server and the stuck ticker. */
public final class BoardService implements AutoCloseable {

    private final Board board;
    private final ClusterProgress progress;
    private final BoardServer server;
    private final JoinDesk join;
    private final PrintWriter log;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(ClusterProgress.daemon("kubelessons-board-tick"));

    /**
     * What the board needs to run; {@code tls} null serves plain HTTP; {@code clock} decides "stuck" and the join code's expiry
     * (the system's but in tests); {@code join} opens /join.
     */
    public record Settings(List<Lesson> lessons, List<String> remoteAttendees, Path templates, InetSocketAddress address,
                           Duration stuckAfter, BoardTokens tokens, SSLContext tls, Clock clock, boolean join) {

        public Settings(List<Lesson> lessons, List<String> remoteAttendees, Path templates, InetSocketAddress address,
                        Duration stuckAfter, BoardTokens tokens, SSLContext tls) {
            this(lessons, remoteAttendees, templates, address, stuckAfter, tokens, tls, Clock.systemUTC(), false);
        }

        public Settings(List<Lesson> lessons, List<String> remoteAttendees, Path templates, InetSocketAddress address,
                        Duration stuckAfter, BoardTokens tokens) {
            this(lessons, remoteAttendees, templates, address, stuckAfter, tokens, null);
        }

        public Settings withClock(Clock other) {
            return new Settings(lessons, remoteAttendees, templates, address, stuckAfter, tokens, tls, other, join);
        }

        /** Attendees join by themselves at /join with the code the board shows ({@code serve --join}); needs the cluster. */
        public Settings withJoin() {
            return new Settings(lessons, remoteAttendees, templates, address, stuckAfter, tokens, tls, clock, true);
        }
    }

    /** {@code client}, {@code access} and {@code contexts} are null for a board fed by attendees' reports only. */
    public BoardService(Settings settings, KubernetesClient client, ClusterAccess access, Function<String, CheckContext> contexts,
                        PrintWriter log) throws IOException {
        this.log = log;
        this.board = new Board(settings.lessons(), settings.stuckAfter(), settings.clock());
        settings.remoteAttendees().forEach(board::addRemoteAttendee);
        AttendeeActions actions = client == null ? null : new AttendeeActions(client, access);
        if (settings.join() && client == null) {
            throw new UserInputException("--join needs the workshop's cluster: attendees who join get namespaces there",
                    "drop --no-cluster, or drop --join and provision attendees with 'jbang lesson instructor provision'");
        }
        this.join = settings.join() ? new JoinDesk(client, new Provisioner(client, new AttendeeKubeconfig(client, access.config()), 1),
                settings.lessons(), board, settings.clock(), log) : null;
        this.server = new BoardServer(board, settings.tokens(), new BoardActions(board, actions, join,
                contexts != null && contexts.apply("default").hasDataPlane(), log), settings.templates(),
                settings.stuckAfter().toMinutes(), settings.address(), settings.tls(), join, log);
        this.progress = client == null ? null : new ClusterProgress(client, board, contexts, 8, log);
    }

    /** Starts watching (first list of the workshop's namespaces included), then serves. */
    public BoardService start() {
        if (progress != null) {
            progress.start();
        }
        server.start();
        ticker.scheduleAtFixedRate(this::tick, 5, 5, TimeUnit.SECONDS);
        return this;
    }

    /** A scheduled task that throws is never run again: one bad tick must not end the stuck flags for good. */
    private void tick() {
        try {
            board.tick();
        } catch (RuntimeException e) {
            synchronized (log) {
                log.println("board: the stuck ticker failed: " + e);
                log.flush();
            }
        }
    }

    public Board board() {
        return board;
    }

    /** The self-service desk, or null without {@code --join}. */
    public JoinDesk join() {
        return join;
    }

    public String url() {
        return server.url();
    }

    public int watchedNamespaces() {
        return progress == null ? 0 : progress.watched();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.close();
        if (progress != null) {
            progress.close();
        }
    }
}
