package dev.kubelessons.instructor;

import com.sun.net.httpserver.HttpExchange;
import dev.kubelessons.failure.KubelessonsException;
import dev.kubelessons.lesson.Lesson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instructor's buttons: reset or fast-forward an attendee's lesson (run in the background, the cell says so meanwhile),
 * and reveal or hide a lesson's solution for everyone. Only JSON is accepted, which a cross-site form cannot send.
 */
public final class BoardActions {

    private final Board board;
    private final AttendeeActions actions;
    private final JoinDesk join;
    private final PrintWriter log;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, ClusterProgress.daemon("kubelessons-board-action"));

    /**
     * @param actions null when the board has no cluster (attendees only report); reset and fast-forward are then refused
     * @param join null unless attendees join by themselves; a new join code is then refused
     */
    public BoardActions(Board board, AttendeeActions actions, JoinDesk join, PrintWriter log) {
        this.board = board;
        this.actions = actions;
        this.join = join;
        this.log = log;
    }

    void handle(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            HttpReplies.text(exchange, 415, "send the action as application/json");
            return;
        }
        String body = HttpReplies.body(exchange);
        JsonNode request;
        try {
            request = body == null ? null : json.readTree(body);
        } catch (JacksonException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            HttpReplies.text(exchange, 400, "expected {\"action\": ..., \"lesson\": ..., \"attendee\": ...}");
            return;
        }
        String action = request.path("action").asString("");
        Optional<Lesson> lesson = board.lesson(request.path("lesson").asString(""));
        String attendee = request.path("attendee").asString("");
        if (action.equals("new-join-code")) {
            if (join == null) {
                HttpReplies.text(exchange, 409, "this board takes no joins: start it with 'instructor serve --join'");
            } else {
                join.renew();
                HttpReplies.json(exchange, 200, json.writeValueAsString(Map.of("done", action)));
            }
        } else if (lesson.isEmpty()) {
            HttpReplies.text(exchange, 400, "no such lesson on this board");
        } else if (action.equals("reveal") || action.equals("hide")) {
            board.reveal(lesson.get().id(), action.equals("reveal"));
            HttpReplies.json(exchange, 200, json.writeValueAsString(Map.of("done", action)));
        } else if (!action.equals("reset") && !action.equals("fast-forward")) {
            HttpReplies.text(exchange, 400, "unknown action; use reset, fast-forward, reveal or hide");
        } else if (!board.hasAttendee(attendee)) {
            HttpReplies.text(exchange, 400, "no such attendee on this board");
        } else if (actions == null) {
            HttpReplies.text(exchange, 409, "this board has no cluster: attendees report from their own clusters");
        } else if (!board.onCluster(attendee)) {
            // Not an error of the attendee's lesson, so the cell stays as it is; the instructor reads why.
            HttpReplies.text(exchange, 409, attendee + " works on their own cluster, which the board cannot change: ask them to run '"
                    + (action.equals("reset") ? "jbang lesson reset " + lesson.get().id() : "jbang lesson " + lesson.get().id() + " --solve")
                    + "'; their cell updates with their next report");
        } else {
            run(action, attendee, lesson.get());
            HttpReplies.json(exchange, 202, json.writeValueAsString(Map.of("started", action)));
        }
    }

    /** Also used by tests and the CLI: runs the action now, on the caller's thread. */
    public void runNow(String action, String attendee, Lesson lesson) {
        board.busy(attendee, lesson.id(), action.equals("reset") ? "resetting" : "solving");
        try {
            if (action.equals("reset")) {
                actions.reset(attendee, lesson);
            } else {
                actions.fastForward(attendee, lesson);
            }
            board.busy(attendee, lesson.id(), null);
        } catch (KubelessonsException e) {
            board.busy(attendee, lesson.id(), null);
            board.problem(attendee, lesson.id(), action + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            // A cluster blip during an action fails that action, shown in its cell; the board stays up.
            board.busy(attendee, lesson.id(), null);
            board.problem(attendee, lesson.id(), action + " failed: " + e.getMessage());
            synchronized (log) {
                log.println("board: " + action + " " + attendee + "/" + lesson.id() + " failed: " + e);
                log.flush();
            }
        }
    }

    private void run(String action, String attendee, Lesson lesson) {
        workers.execute(() -> runNow(action, attendee, lesson));
    }
}
