package dev.kubelessons.instructor;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.report.JsonReport;
import dev.kubelessons.report.LessonResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts an attendee's verdicts to the instructor's board ({@code --report-to URL --token T}), in the JSON report format.
 * Reporting is best effort: a board that is down must not fail the learner's lesson, so failures come back as a note.
 */
public final class ProgressReporter {

    private final URI endpoint;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param board the board's URL as the instructor gave it, e.g. http://10.0.0.5:8080/ ; the token names the attendee */
    public ProgressReporter(String board, String token) {
        String attendee = BoardTokens.attendeeNamed(token);
        if (attendee == null || !attendee.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new UserInputException("--report-to needs --token with the report token the instructor gave you (it starts with kla_)",
                    "ask the instructor for your token; it is in <name>.report-token next to your kubeconfig");
        }
        try {
            URI base = URI.create(board.endsWith("/") ? board : board + "/");
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            this.endpoint = base.resolve("api/report/" + attendee);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--report-to '" + board + "' is not an http(s) URL", "use the board address the instructor gave you");
        }
        this.token = token;
    }

    /** Sends the verdicts; returns null on success, else a one-line note for the learner (never containing the token). */
    public String report(String lessonId, String title, List<Verdict> verdicts) {
        String body = new JsonReport().render(List.of(new LessonResult(lessonId, title, verdicts, Duration.ZERO)));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null
                    : "the board refused the report (HTTP " + response.statusCode() + "): " + response.body().strip();
        } catch (IOException e) {
            return "could not reach the board at " + endpoint.resolve("/") + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "reporting was interrupted";
        }
    }
}
