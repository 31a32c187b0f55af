package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's HTTP surface on a real cluster: who may see and do what, escaping, and resilience to dead connections. */
@KwokCluster
class BoardHttpTest {

    static final Lesson LESSON = WorkshopFixture.lesson("02-deployments");
    static final List<String> ON_CLUSTER = WorkshopFixture.names("eve");
    static final List<String> REMOTE = WorkshopFixture.names("rem", "rom");
    @TempDir
    static Path out;
    static BoardFixture board;
    static KubernetesClient admin;

    @BeforeAll
    static void start(KubernetesClient client, ClusterAccess access) throws Exception {
        admin = client;
        WorkshopFixture.provision(client, access, ON_CLUSTER, List.of(LESSON), out);
        board = new BoardFixture(client, access, List.of(LESSON), REMOTE);
        waitFor(() -> !"pending".equals(state(ON_CLUSTER.get(0))));
    }

    @AfterAll
    static void stop() {
        if (board != null) {
            board.close();
        }
        new Teardown(admin).remove(ON_CLUSTER, false);
    }

    @Test
    void everythingButReportsAndRevealedSolutionsNeedsTheInstructorsToken() throws Exception {
        String attendeeToken = board.tokens.attendee(REMOTE.get(0));
        for (String token : new String[] {null, "wrong", attendeeToken, board.tokens.instructor() + "x"}) {
            assertEquals(401, board.get("/api/state", token).statusCode());
            assertEquals(401, board.get("/events", token).statusCode());
            assertEquals(401, board.post("/api/action", token, "{\"action\":\"reveal\",\"lesson\":\"02-deployments\"}").statusCode());
            assertEquals(303, board.get("/", token).statusCode(), "the page sends strangers to the sign-in form");
            assertEquals(404, board.get("/solution-02-deployments.html", token).statusCode(), "not revealed yet");
        }
        HttpResponse<String> page = board.get("/", board.tokens.instructor());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Workshop board") && page.body().contains("href=\"assets/site.css\""), "the site's layout");
        assertTrue(page.body().contains("assets/site.css"));
        assertFalse(page.body().contains(board.tokens.instructor()), "the token never appears in the page");
        assertFalse(page.body().contains(attendeeToken));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));

        // Sign-in by form sets an HttpOnly, SameSite=Strict cookie that then opens the board.
        HttpResponse<String> login = board.http.send(HttpRequest.newBuilder(board.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + board.tokens.instructor())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<String> withCookie = board.http.send(HttpRequest.newBuilder(board.uri("/api/state"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withCookie.statusCode());

        // Revealed: the solution page is open to everyone.
        assertEquals(200, board.post("/api/action", board.tokens.instructor(), "{\"action\":\"reveal\",\"lesson\":\"02-deployments\"}").statusCode());
        HttpResponse<String> solution = board.get("/solution-02-deployments.html", null);
        assertEquals(200, solution.statusCode());
        assertTrue(solution.body().contains("kubectl delete pod debug-nginx"), solution.body());
        board.post("/api/action", board.tokens.instructor(), "{\"action\":\"hide\",\"lesson\":\"02-deployments\"}");
        assertEquals(404, board.get("/solution-02-deployments.html", null).statusCode());
    }

    @Test
    void anAttendeeTokenReportsForItsOwnAttendeeOnly() throws Exception {
        String a = REMOTE.get(0);
        String b = REMOTE.get(1);
        String report = report("deployment-exists", "PASS", "found it");
        assertEquals(401, board.post("/api/report/" + b, null, report).statusCode());
        assertEquals(403, board.post("/api/report/" + b, board.tokens.attendee(a), report).statusCode(), "A's token, B's row");
        assertEquals(403, board.post("/api/report/" + b, board.tokens.instructor(), report).statusCode(), "reports carry attendee tokens");
        assertEquals("0/", score(b).substring(0, 2));

        assertEquals(200, board.post("/api/report/" + a, board.tokens.attendee(a), report).statusCode());
        waitFor(() -> score(a).startsWith("1/"));
        // The instructor's own evaluation wins on the shared cluster: a report cannot fake progress there.
        String eve = ON_CLUSTER.get(0);
        board.post("/api/report/" + eve, board.tokens.attendee(eve), report);
        assertEquals("0/", score(eve).substring(0, 2));
        assertEquals(400, board.post("/api/report/" + a, board.tokens.attendee(a), "not json").statusCode());
    }

    @Test
    void attendeeNamesAndMessagesAreEscaped() throws Exception {
        assertThrows(UserInputException.class, () -> AttendeeName.validate(List.of("<script>alert(1)</script>"), List.of()));
        String a = REMOTE.get(0);
        String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        assertEquals(200, board.post("/api/report/" + a, board.tokens.attendee(a), report("two-replicas-of-nginx", "ERROR", evil)).statusCode());
        String page = board.get("/", board.tokens.instructor()).body();
        assertFalse(page.contains(evil), "raw markup from an attendee");
        assertFalse(page.contains("<img src=x"));
        // The grid holds scores and words; the panel gets messages from /api/cell as JSON and sets them as text (BoardAtScaleBrowserTest).
        String cell = board.get("/api/cell?attendee=" + a + "&lesson=02-deployments", board.tokens.instructor()).body();
        assertTrue(cell.contains("\"message\":\"<script>alert('x')</script>"), cell);
        assertEquals(401, board.get("/api/cell?attendee=" + a + "&lesson=02-deployments", null).statusCode());
        assertEquals(404, board.get("/api/cell?attendee=" + a + "&lesson=nope", board.tokens.instructor()).statusCode());
        String state = board.get("/api/state", board.tokens.instructor()).body();
        assertTrue(state.contains("\"message\":\"<script>alert('x')</script>"), "JSON carries it as a string; the page sets it as text");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void eventsArriveOverSseAndADeadConnectionDoesNotHurtTheBoard() throws Exception {
        // A client that connects and vanishes without reading. (A FAIL would show the lesson's explanation, not the message.)
        for (int i = 0; i < 5; i++) {
            Socket dead = new Socket("127.0.0.1", board.uri("/").getPort());
            dead.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + board.tokens.instructor() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            dead.close();
        }
        HttpResponse<InputStream> stream = board.http.send(HttpRequest.newBuilder(board.uri("/events"))
                .header("Authorization", "Bearer " + board.tokens.instructor()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElse(""));
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String a = REMOTE.get(1);
            board.post("/api/report/" + a, board.tokens.attendee(a), report("deployment-exists", "ERROR", "sse-probe"));
            String line;
            do {
                line = events.readLine();
            } while (line != null && !(line.startsWith("data: ") && line.contains("sse-probe")));
            assertTrue(line != null && line.contains("\"attendee\":\"" + a + "\""), String.valueOf(line));
        }
        assertEquals(200, board.get("/api/state", board.tokens.instructor()).statusCode(), "still serving");
    }

    private static String report(String check, String status, String message) {
        return "{\"lessons\":[{\"id\":\"02-deployments\",\"checks\":[{\"id\":\"" + check + "\",\"status\":\"" + status
                + "\",\"message\":" + board.service.board().toJson(message) + "}]}]}";
    }

    static CellView cell(String attendee) {
        return board.service.board().rows().get(attendee).get(0);
    }

    static String state(String attendee) {
        return cell(attendee).state();
    }

    static String score(String attendee) {
        return cell(attendee).passed() + "/" + cell(attendee).total();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 60 s");
            }
            Thread.sleep(50);
        }
    }
}
