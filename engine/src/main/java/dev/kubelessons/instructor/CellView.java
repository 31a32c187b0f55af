package dev.kubelessons.instructor;

import java.util.List;

/** What the board shows for one attendee on one lesson, rendered by the template and sent as JSON over SSE. */
public record CellView(String attendee, String lesson, int passed, int total, String state, boolean stuck,
                       long startedAt, long lastProgressAt, String busy, String problem, String source, List<CheckRow> checks,
                       Incident incident) {

    /** A drill's fault injected from the board (null when none): which, when, and when service was restored (0: not yet). */
    public record Incident(String fault, String title, String symptom, long injectedAt, long restoredAt, boolean caught) {

        /** The time to restore as m:ss, or empty while the incident lasts. */
        public String timeToRestore() {
            if (restoredAt == 0) {
                return "";
            }
            long seconds = Math.max(0, (restoredAt - injectedAt) / 1000);
            return String.format("%d:%02d", seconds / 60, seconds % 60);
        }
    }

    /** The cell's key in the page: attendee names are DNS labels and lesson ids have no '/', so it is unambiguous. */
    public String key() {
        return attendee + "/" + lesson;
    }

    /** For the grid's data-incident: "down" while a drill's fault lasts, "up" once restored, empty without one. */
    public String incidentState() {
        return incident == null ? "" : incident.restoredAt() == 0 ? "down" : "up";
    }

    /** Not started: no clock running and not done (a fast-forward by the instructor is done without the attendee). */
    public boolean notStarted() {
        return startedAt == 0 && !"done".equals(state);
    }

    /**
     * The word in the grid's cell beside the score, so colour is never the only sign; empty where the score says it all
     * (a lesson under way, not started, or not evaluated yet). board.js computes the same word for live updates.
     */
    public String label() {
        if (incident != null && !"busy".equals(state)) {
            return incident.restoredAt() == 0 ? "down" : "up " + incident.timeToRestore();
        }
        return switch (state) {
            case "busy" -> "busy";
            case "error" -> "error";
            case "done" -> "done";
            default -> stuck ? "stuck" : "";
        };
    }

    /** Minutes on the lesson at render time; the page's script keeps counting from startedAt. */
    public long minutes(long now) {
        return startedAt == 0 ? 0 : Math.max(0, (now - startedAt) / 60_000);
    }
}
