package dev.kubelessons.cli;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.DockerNodeShell;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.instructor.AttendeeName;
import dev.kubelessons.instructor.BoardService;
import dev.kubelessons.instructor.BoardTls;
import dev.kubelessons.instructor.BoardTokens;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.AtomicFile;
import dev.kubelessons.runner.ClusterSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code instructor serve}: the live progress board until Ctrl-C; prints the instructor's token once. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "The live progress board: attendees x lessons, reset, fast-forward, reveal.")
final class InstructorServe extends InstructorBase {

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
    @Option(names = "--join", description = "Attendees join by themselves: the board shows a join code (valid 60 min, renewable there);"
            + " at <board>/join an attendee gives it and a name and downloads their kubeconfig.")
    boolean join;
    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Serve HTTPS with this PEM certificate (chain, leaf first); needs --tls-key.")
    Path tlsCert;
    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's unencrypted PEM private key (PKCS#8 or PKCS#1 RSA).")
    Path tlsKey;

    @Override
    public Integer call() throws IOException {
        List<Lesson> lessons = lessons();
        List<String> remoteAttendees = remote.isEmpty() ? List.of() : AttendeeName.validate(remote, lessonIdsOf(lessons));
        if (stuckMinutes < 1) {
            throw new UserInputException("--stuck-minutes must be at least 1", "e.g. --stuck-minutes 10");
        }
        SSLContext tls = tls();
        BoardTokens tokens = new BoardTokens(key());
        if (join && noCluster) {
            throw new UserInputException("--join needs the workshop's cluster: attendees who join get namespaces there",
                    "drop --no-cluster, or drop --join and provision attendees with 'jbang lesson instructor provision'");
        }
        var settings = new BoardService.Settings(lessons, remoteAttendees, global.layout().templates(),
                new InetSocketAddress(bind, port), Duration.ofMinutes(stuckMinutes), tokens, tls);
        if (join) {
            settings = settings.withJoin();
        }
        ClusterSession session = noCluster ? null : session();
        try (BoardService board = new BoardService(settings, session == null ? null : session.client(),
                session == null ? null : session.access(), session == null ? null : contexts(session), err()).start()) {
            // start() returns with every attendee of the first list on the board; later ones get their token file as they appear.
            List<String> attendees = board.board().attendees();
            writeReportTokens(attendees, tokens);
            out().println("report tokens: " + (out == null ? "none written (no --out)" : out.toAbsolutePath() + "/<attendee>.report-token ("
                    + attendees.size() + ")"));
            board.board().listen((event, data) -> {
                if (event.equals("reload")) {
                    writeReportTokens(board.board().attendees(), tokens);
                }
            });
            out().println("board: " + board.url() + " (" + attendees.size() + " attendee" + (attendees.size() == 1 ? "" : "s") + ")");
            if (tls == null && !InetAddress.getByName(bind).isLoopbackAddress()) {
                err().println("warning: plain http on " + bind + ": the instructor token and the board's cookie travel in clear text"
                        + " unless the board is behind TLS (--tls-cert/--tls-key, or a TLS proxy)");
                err().flush();
            }
            // Printed once, here, and nowhere else: the page, the logs and the events never carry it.
            if (board.join() != null) {
                out().println("join: attendees open " + board.url() + "join with the code " + board.join().code().value()
                        + " (valid " + dev.kubelessons.instructor.JoinDesk.CODE_LIFETIME.toMinutes() + " min; the board shows it and makes new ones)");
            }
            out().println("instructor token: " + tokens.instructor() + "  (sign in at " + board.url() + "login, or send Authorization: Bearer)");
            out().println("Ctrl-C stops the board.");
            out().flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            try {
                stop.await();
            } catch (InterruptedException e) {
                // Stopped from within the JVM (an embedding program, a test): close the board as Ctrl-C would.
                Thread.currentThread().interrupt();
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
        return ExitCodes.OK;
    }

    /** Read before the cluster is touched, so a wrong path is exit 2 at once. */
    private SSLContext tls() {
        if (tlsCert == null && tlsKey == null) {
            return null;
        }
        if (tlsCert == null || tlsKey == null) {
            throw new UserInputException("--tls-cert and --tls-key go together", "give both PEM files, e.g. --tls-cert board-cert.pem --tls-key board-key.pem");
        }
        return BoardTls.load(tlsCert, tlsKey);
    }

    private Function<String, CheckContext> contexts(ClusterSession session) {
        boolean dataPlane = session.provider().hasDataPlane();
        DockerNodeShell shell = session.provider().name().equals("kind") ? new DockerNodeShell("kubelessons") : null;
        return namespace -> dataPlane ? CheckContext.withDataPlane(session.client(), namespace, shell)
                : CheckContext.withoutDataPlane(session.client(), namespace, CheckContext.KWOK_REASON);
    }

    /** The board's secret key: kept in --out so attendees' report tokens stay valid when the board restarts. */
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
    }
}
