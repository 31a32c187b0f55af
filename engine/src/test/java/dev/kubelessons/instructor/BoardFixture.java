package dev.kubelessons.instructor;

import dev.kubelessons.Fixtures;
import dev.kubelessons.check.CheckContext;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A running board on the test cluster, with a small HTTP client for the tests. */
final class BoardFixture implements AutoCloseable {

    final BoardTokens tokens = new BoardTokens(BoardTokens.newKey());
    final BoardService service;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    BoardFixture(KubernetesClient client, ClusterAccess access, List<Lesson> lessons, List<String> remote) throws IOException {
        this(client, access, lessons, remote, settings -> settings, new PrintWriter(System.err, true));
    }

    /** A board on the test cluster with adjusted settings (e.g. withJoin(), withClock(...)), logging to {@code log}. */
    BoardFixture(KubernetesClient client, ClusterAccess access, List<Lesson> lessons, List<String> remote,
                 java.util.function.UnaryOperator<BoardService.Settings> adjust, PrintWriter log) throws IOException {
        var settings = new BoardService.Settings(lessons, remote, Fixtures.repositoryRoot().resolve("templates"),
                new InetSocketAddress("127.0.0.1", 0), Duration.ofMinutes(10), tokens);
        service = new BoardService(adjust.apply(settings), client, access,
                ns -> CheckContext.withoutDataPlane(client, ns, CheckContext.KWOK_REASON), log).start();
    }

    /** A board without a cluster: attendees on their own clusters ({@code remote}) report; {@code clock} decides "stuck". */
    BoardFixture(List<Lesson> lessons, List<String> remote, java.time.Clock clock) throws IOException {
        var settings = new BoardService.Settings(lessons, remote, Fixtures.repositoryRoot().resolve("templates"),
                new InetSocketAddress("127.0.0.1", 0), Duration.ofMinutes(10), tokens).withClock(clock);
        service = new BoardService(settings, null, null, null, new PrintWriter(System.err, true)).start();
    }

    URI uri(String path) {
        return URI.create(service.url()).resolve(path);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        service.close();
    }
}
