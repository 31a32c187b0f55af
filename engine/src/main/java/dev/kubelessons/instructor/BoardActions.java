package dev.kubelessons.instructor;

import com.sun.net.httpserver.HttpExchange;
import dev.kubelessons.failure.KubelessonsException;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.Counted;
import dev.kubelessons.runner.FaultChoice;
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
    private final boolean dataPlane;
    private final java.util.random.RandomGenerator random = new java.security.SecureRandom();
    private final PrintWriter log;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, ClusterProgress.daemon("kubelessons-board-action"));

    /**
     * @param actions null when the board has no cluster (attendees only report); reset and fast-forward are then refused
     * @param join null unless attendees join by themselves; a new join code is then refused
     * @param dataPlane whether the cluster has one: drills' faults that only a data plane shows are refused without it
     */
    public BoardActions(Board board, AttendeeActions actions, JoinDesk join, boolean dataPlane, PrintWriter log) {
        this.board = board;
        this.actions = actions;
        this.join = join;
        this.dataPlane = dataPlane;
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
        } else if (action.equals("inject") || action.equals("inject-all")) {
            inject(exchange, action, lesson.get(), attendee, request.path("fault").asString(""), request.path("confirm").asInt(-1));
        } else if (!action.equals("reset") && !action.equals("fast-forward")) {
            HttpReplies.text(exchange, 400, "unknown action; use reset, fast-forward, reveal, hide, inject or inject-all");
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

    /**
     * A drill's fault into one attendee's lesson ({@code inject}) or into every attendee's on the cluster ({@code inject-all}):
     * the named fault, or with "random" one at random for each attendee, among those this cluster can show (the runner's
     * FaultChoice). Each cell then times its restore. {@code inject-all} breaks many people's work at once, so it must carry
     * {@code confirm}: the number of attendees the instructor was shown; a page that counted fewer (or none) is refused.
     */
    private void inject(HttpExchange exchange, String action, Lesson lesson, String attendee, String faultName, int confirmed)
            throws IOException {
        if (!lesson.isDrill()) {
            HttpReplies.text(exchange, 400, lesson.id() + " is not a drill: it has no faults to inject");
            return;
        }
        if (actions == null) {
            HttpReplies.text(exchange, 409, "this board has no cluster: attendees on their own clusters run 'jbang lesson " + lesson.id() + "' themselves");
            return;
        }
        Optional<String> named = faultName.isEmpty() || faultName.equals("random") ? Optional.empty() : Optional.of(faultName);
        java.util.List<String> who = action.equals("inject-all") ? board.clusterAttendees() : java.util.List.of(attendee);
        if (action.equals("inject") && !board.onCluster(attendee)) {
            HttpReplies.text(exchange, 409, board.hasAttendee(attendee) ? attendee + " works on their own cluster, which the board cannot"
                    + " change: ask them to run 'jbang lesson " + lesson.id() + "'" : "no such attendee on this board");
            return;
        }
        if (who.isEmpty()) {
            HttpReplies.text(exchange, 409, "no attendee on the cluster yet");
            return;
        }
        java.util.Map<String, Fault> chosen = new java.util.LinkedHashMap<>();
        try {
            for (String name : who) {
                chosen.put(name, FaultChoice.pick(lesson, named, dataPlane, Optional.of(FaultChoice.SHARED_CLUSTER), random));
            }
        } catch (KubelessonsException e) {
            HttpReplies.text(exchange, named.isPresent() && lesson.faults().stream().noneMatch(f -> f.name().equals(named.get())) ? 400 : 409,
                    e.getMessage() + "; " + e.nextStep());
            return;
        }
        if (action.equals("inject-all") && confirmed != who.size()) {
            // Asked only of a fault the board would inject (a refusal comes first). The page asks the instructor with this count, then sends it back as the confirmation.
            String ask = "Break the " + lesson.id() + " of all " + Counted.of(who.size(), "attendee") + " on the cluster?"
                    + (confirmed < 0 ? "" : " (the page counted " + confirmed + ")") + " Press Break all again to confirm.";
            HttpReplies.json(exchange, 409, json.writeValueAsString(Map.of("confirm", who.size(), "message", ask)));
            return;
        }
        chosen.forEach((name, fault) -> workers.execute(() -> injectNow(name, lesson, fault)));
        HttpReplies.json(exchange, 202, json.writeValueAsString(Map.of("started", action, "attendees", chosen.size())));
    }

    /** Also used by tests: injects now, on the caller's thread; the cell says "injecting" meanwhile, then times the restore. */
    public void injectNow(String attendee, Lesson lesson, Fault fault) {
        board.busy(attendee, lesson.id(), "injecting");
        // The incident first: the watch may report the break's first failures before the break's command returns.
        board.incident(attendee, lesson.id(), fault);
        try {
            actions.inject(attendee, lesson, fault);
            board.busy(attendee, lesson.id(), null);
        } catch (RuntimeException e) {
            board.busy(attendee, lesson.id(), null);
            board.problem(attendee, lesson.id(), "inject " + fault.name() + " failed: " + e.getMessage());
            synchronized (log) {
                log.println("board: inject " + fault.name() + " " + attendee + "/" + lesson.id() + " failed: " + e);
                log.flush();
            }
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
