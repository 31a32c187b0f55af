package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Lesson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The board's cluster banner and cell watch problems, without a cluster: what the page and the SSE stream carry. */
class ClusterBannerTest {

    private static final Lesson LESSON = WorkshopFixture.lesson("02-deployments");
    private static final Instant AT = Instant.parse("2026-03-04T12:03:04Z");

    private final Board board = new Board(List.of(LESSON), Duration.ofMinutes(10), Clock.fixed(AT, ZoneId.of("UTC")));
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final BoardPage page = new BoardPage(Fixtures.repositoryRoot().resolve("templates"), board, 10);

    ClusterBannerTest() {
        board.listen((name, json) -> sent.add(name + " " + json));
    }

    @Test
    void theBannerSaysSinceWhenInTheBoardsZoneAndIsEscapedOnThePage() {
        assertTrue(page.board().contains("id=\"cluster-banner\" class=\"cluster-banner\" role=\"alert\" hidden>"), "hidden while reachable");

        board.cluster(ClusterBanner.unreachable(AT, ZoneId.of("Europe/Paris"), "<script>alert(1)</script>"));
        String html = page.board();
        assertTrue(html.contains("role=\"alert\">cluster unreachable since 13:03:04, retrying"), html);
        assertFalse(html.contains("<script>alert(1)"), "the reason is text, never markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertEquals(1, sent.size(), sent.toString());
        assertTrue(sent.get(0).startsWith("cluster {\"reachable\":false,\"since\":" + AT.toEpochMilli()), sent.get(0));

        board.cluster(ClusterBanner.unreachable(AT, ZoneId.of("Europe/Paris"), "<script>alert(1)</script>"));
        assertEquals(1, sent.size(), "the same banner again is no news");
        board.cluster(ClusterBanner.REACHABLE);
        assertEquals("cluster {\"reachable\":true,\"since\":0,\"message\":\"\",\"replaced\":false}", sent.get(1));
        assertTrue(page.board().contains("role=\"alert\" hidden>"));
    }

    @Test
    void aLongReasonIsCut() {
        String message = ClusterBanner.unreachable(AT, ZoneId.of("UTC"), "x".repeat(5000)).message();
        assertTrue(message.length() < ClusterBanner.REASON_MAX + 200, message);
        assertTrue(message.endsWith("…)"), message);
    }

    @Test
    void aWatchProblemClearsWhenTheClusterIsBackAFailedActionDoesNot() {
        board.addAttendee("ana");
        board.addAttendee("bob");
        board.watchProblem("ana", LESSON.id(), "the watch on Pod objects broke; retrying");
        board.problem("bob", LESSON.id(), "reset failed: cannot reach the API server");
        assertEquals("error", view("ana").state());
        int before = sent.size();

        board.watchResumed("ana", LESSON.id());
        board.watchResumed("bob", LESSON.id());
        assertNull(view("ana").problem());
        assertEquals("reset failed: cannot reach the API server", view("bob").problem(), "the instructor must still see it");
        assertEquals(1, sent.size() - before, "only the cell that changed is sent");
    }

    private CellView view(String attendee) {
        return board.rows().get(attendee).get(0);
    }
}
