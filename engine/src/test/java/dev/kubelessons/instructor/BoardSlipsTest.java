package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Lesson;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The board's slips of issue 13, without a cluster: oversized bodies, other sites' requests, CEL in the details, the stuck clock. */
class BoardSlipsTest {

    static final Lesson LESSON = WorkshopFixture.lesson("02-deployments");
    static final BoardTokens TOKENS = new BoardTokens(BoardTokens.newKey());
    static BoardService service;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        var settings = new BoardService.Settings(List.of(LESSON), List.of("rex"), Fixtures.repositoryRoot().resolve("templates"),
                new InetSocketAddress("127.0.0.1", 0), Duration.ofMinutes(10), TOKENS);
        service = new BoardService(settings, null, null, null, new PrintWriter(System.err, true)).start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> post(String path, String token, String origin, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url()).resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyOverTheLimitIs413NotA400() throws Exception {
        String big = "{\"action\":\"reveal\",\"lesson\":\"" + "x".repeat(1024 * 1024) + "\"}";
        HttpResponse<String> action = post("api/action", TOKENS.instructor(), null, big);
        assertEquals(413, action.statusCode(), action.body());
        assertTrue(action.body().contains("larger than 256 KiB"), action.body());
        HttpResponse<String> report = post("api/report/rex", TOKENS.attendee("rex"), null, big);
        assertEquals(413, report.statusCode(), report.body());
        // Just under the limit is read and judged on its content.
        assertEquals(400, post("api/action", TOKENS.instructor(), null, "{\"a\":\"" + "x".repeat(200_000) + "\"}").statusCode());
    }

    @Test
    void stateChangingRequestsFromAnotherOriginAreRefused() throws Exception {
        String reveal = "{\"action\":\"reveal\",\"lesson\":\"" + LESSON.id() + "\"}";
        String own = service.url().substring(0, service.url().length() - 1);
        HttpResponse<String> evil = post("api/action", TOKENS.instructor(), "https://evil.example", reveal);
        assertEquals(403, evil.statusCode(), evil.body());
        assertTrue(evil.body().contains("another site"), evil.body());
        assertFalse(service.board().revealed(LESSON.id()), "the cross-site request changed nothing");
        assertEquals(403, post("login", TOKENS.instructor(), "http://127.0.0.1:1", "token=x").statusCode());
        assertEquals(403, post("api/report/rex", TOKENS.attendee("rex"), "null", "{\"lessons\":[]}").statusCode());

        HttpResponse<String> same = post("api/action", TOKENS.instructor(), own, reveal);
        assertEquals(200, same.statusCode(), same.body());
        assertTrue(service.board().revealed(LESSON.id()));
        // Runners and curl send no Origin; their token decides.
        assertEquals(200, post("api/action", TOKENS.instructor(), null, reveal.replace("reveal", "hide")).statusCode());
    }

    @Test
    void checkDetailsShowTheLessonsExplanationNotCel() {
        Board board = new Board(List.of(LESSON), Duration.ofMinutes(10), Clock.systemUTC());
        board.addAttendee("ana");
        String cel = "object.spec.replicas == 2 && object.spec.template.spec.containers.exists(c, c.image == 'nginx:1.27') is false";
        board.record("ana", LESSON.id(), "two-replicas-of-nginx", "FAIL", cel, "cluster", false);
        board.record("ana", LESSON.id(), "deployment-exists", "PASS", "Deployment/my-nginx exists", "cluster", false);
        CheckRow failed = row(board, "two-replicas-of-nginx");
        assertEquals("my-nginx asks for two replicas of nginx:1.27", failed.title());
        assertTrue(failed.message().startsWith("The Deployment exists but does not ask for exactly two pods"), failed.message());
        assertFalse(board.toJson(board.rows()).contains("object.spec"), "no CEL reaches the board's page or events");
        assertEquals("", row(board, "deployment-exists").message());
    }

    @Test
    void theInstructorsResetAndAFreshNamespacesSetupDoNotStartTheStuckClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
        Board board = new Board(List.of(LESSON), Duration.ofMinutes(10), clock);
        board.addClusterAttendee("ana");
        // The reset runs (busy), the new namespace's setup settles: none of it is the attendee's doing.
        board.busy("ana", LESSON.id(), "resetting");
        board.record("ana", LESSON.id(), "deployment-exists", "FAIL", "missing", "cluster", true);
        board.record("ana", LESSON.id(), "deployment-exists", "PASS", "there", "cluster", false);
        board.busy("ana", LESSON.id(), null);
        board.clear("ana", LESSON.id());
        board.quietUntil("ana", LESSON.id(), clock.instant().plusSeconds(60));
        board.record("ana", LESSON.id(), "stray-pod-removed", "FAIL", "still there", "cluster", true);
        clock.advance(Duration.ofSeconds(20));
        board.record("ana", LESSON.id(), "stray-pod-removed", "FAIL", "still there, now Running", "cluster", false);
        assertEquals(0, cell(board).startedAt(), "the setup settling is not the attendee at work");
        clock.advance(Duration.ofMinutes(30));
        assertFalse(cell(board).stuck(), "not started, so not stuck");
        // The attendee's own change after the quiet window starts it.
        board.record("ana", LESSON.id(), "stray-pod-removed", "PASS", "gone", "cluster", false);
        assertEquals(clock.instant().toEpochMilli(), cell(board).startedAt());
    }

    @Test
    void remoteAttendeesStayAndOnlyClusterAttendeesGoWithTheirNamespaces() {
        Board board = new Board(List.of(LESSON), Duration.ofMinutes(10), Clock.systemUTC());
        board.addRemoteAttendee("rex");
        board.addClusterAttendee("ana");
        assertFalse(board.onCluster("rex"));
        assertTrue(board.removeAttendee("ana"));
        assertFalse(board.removeAttendee("rex"), "reports from rex's own cluster keep coming");
        assertEquals(List.of("rex"), board.attendees());
        assertFalse(board.toJson(board.rows()).contains("\"ana\""));
    }

    private static CellView cell(Board board) {
        return board.rows().get("ana").get(0);
    }

    private static CheckRow row(Board board, String id) {
        return cell(board).checks().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
