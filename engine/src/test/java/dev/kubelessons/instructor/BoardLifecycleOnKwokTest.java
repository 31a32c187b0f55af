package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attendees coming and going on a running board (kwok): all there at start, gone after teardown, remote ones left alone. */
@KwokCluster
class BoardLifecycleOnKwokTest {

    static final Lesson LESSON = WorkshopFixture.lesson("02-deployments");
    static final List<String> ON_CLUSTER = WorkshopFixture.names("ana", "bo", "chen", "dov");
    static final List<String> REMOTE = WorkshopFixture.names("rae");
    @TempDir
    static Path out;
    static KubernetesClient admin;

    @BeforeAll
    static void provision(KubernetesClient client, ClusterAccess access) {
        admin = client;
        WorkshopFixture.provision(client, access, ON_CLUSTER, List.of(LESSON), out);
    }

    @AfterAll
    static void cleanUp() {
        new Teardown(admin).remove(ON_CLUSTER, false);
    }

    @Test
    void everyAttendeeIsOnTheBoardWhenStartReturns(ClusterAccess access) throws Exception {
        // serve counts attendees and writes their report tokens right after start(): once it wrote 2 of 4 and said "(3 attendees)".
        for (int run = 0; run < 3; run++) {
            try (BoardFixture board = new BoardFixture(admin, access, List.of(LESSON), REMOTE)) {
                List<String> expected = new ArrayList<>(ON_CLUSTER);
                expected.addAll(REMOTE);
                assertTrue(board.service.board().attendees().containsAll(expected), "run " + run + ": " + board.service.board().attendees());
            }
        }
    }

    @Test
    void resetAndSolveOnARemoteAttendeeExplainAndLeaveTheCellAlone(ClusterAccess access) throws Exception {
        try (BoardFixture board = new BoardFixture(admin, access, List.of(LESSON), REMOTE)) {
            for (String action : List.of("reset", "fast-forward")) {
                HttpResponse<String> reply = board.post("api/action", board.tokens.instructor(),
                        "{\"action\":\"" + action + "\",\"lesson\":\"" + LESSON.id() + "\",\"attendee\":\"" + REMOTE.get(0) + "\"}");
                assertEquals(409, reply.statusCode(), reply.body());
                assertTrue(reply.body().contains("works on their own cluster") && reply.body().contains("jbang lesson"), reply.body());
            }
            Thread.sleep(500);
            CellView cell = board.service.board().rows().get(REMOTE.get(0)).get(0);
            assertFalse("error".equals(cell.state()) || "busy".equals(cell.state()), cell.toString());
        }
    }

    @Test
    void torndownAttendeesLeaveTheBoardRemoteOnesStay(ClusterAccess access) throws Exception {
        String gone = ON_CLUSTER.get(3);
        try (BoardFixture board = new BoardFixture(admin, access, List.of(LESSON), REMOTE)) {
            assertTrue(board.service.board().hasAttendee(gone));
            new Teardown(admin).remove(List.of(gone), false);
            BoardHttpTest.waitFor(() -> !board.service.board().hasAttendee(gone));
            assertTrue(board.service.board().hasAttendee(REMOTE.get(0)));
            assertTrue(board.service.board().hasAttendee(ON_CLUSTER.get(0)));
            HttpResponse<String> page = board.get("", board.tokens.instructor());
            assertFalse(page.body().contains(gone), "no row for " + gone);
        }
    }

    private static CellView cell(BoardFixture board, String attendee) {
        return board.service.board().rows().get(attendee).get(0);
    }
}
