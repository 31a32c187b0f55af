package dev.kubelessons.instructor;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verdicts posted by attendees who run lessons on their own clusters ({@code jbang lesson <id> --report-to URL --token T}),
 * in the runner's JSON report format. The token must be that attendee's; cells the instructor evaluates on the shared
 * cluster keep the cluster's word, since a report there proves nothing the cluster does not show.
 */
final class ReportIntake {

    private static final Set<String> STATUSES = Set.of("PASS", "FAIL", "SKIPPED", "ERROR");

    private final Board board;
    private final BoardTokens tokens;
    private final JsonMapper json = JsonMapper.builder().build();

    ReportIntake(Board board, BoardTokens tokens) {
        this.board = board;
        this.tokens = tokens;
    }

    void handle(HttpExchange exchange, String attendee) throws IOException {
        String token = HttpReplies.token(exchange);
        if (token == null) {
            HttpReplies.text(exchange, 401, "a report needs the attendee's token: --token T");
            return;
        }
        if (!tokens.isAttendee(attendee, token)) {
            HttpReplies.text(exchange, 403, "this token may not report for that attendee");
            return;
        }
        if (!board.hasAttendee(attendee)) {
            HttpReplies.text(exchange, 404, "that attendee is not on this board");
            return;
        }
        String body = HttpReplies.body(exchange);
        JsonNode report;
        try {
            report = body == null ? null : json.readTree(body);
        } catch (JacksonException e) {
            report = null;
        }
        if (report == null || !report.path("lessons").isArray()) {
            HttpReplies.text(exchange, 400, "expected the JSON of 'jbang lesson <id> --check --format json'");
            return;
        }
        int recorded = 0;
        int ignored = 0;
        for (JsonNode lesson : report.path("lessons")) {
            String lessonId = lesson.path("id").asString("");
            List<String> known = board.checkIds(attendee, lessonId);
            if (known.isEmpty() || "cluster".equals(board.source(attendee, lessonId))) {
                ignored++;
                continue;
            }
            for (JsonNode check : lesson.path("checks")) {
                String id = check.path("id").asString("");
                String status = check.path("status").asString("");
                if (known.contains(id) && STATUSES.contains(status)) {
                    board.record(attendee, lessonId, id, status, check.path("message").asString(""), "report", false);
                    recorded++;
                }
            }
        }
        HttpReplies.json(exchange, 200, json.writeValueAsString(Map.of("recorded", recorded, "ignoredLessons", ignored)));
    }
}
