package dev.kubelessons.instructor;

import java.util.List;

/** What the board shows for one attendee on one lesson, rendered by the template and sent as JSON over SSE. */
public record CellView(String attendee, String lesson, int passed, int total, String state, boolean stuck,
                       long startedAt, long lastProgressAt, String busy, String problem, String source, List<CheckRow> checks) {

    /** The cell's key in the page: attendee names are DNS labels and lesson ids have no '/', so it is unambiguous. */
    public String key() {
        return attendee + "/" + lesson;
    }

    /** Minutes on the lesson at render time; the page's script keeps counting from startedAt. */
    public long minutes(long now) {
        return startedAt == 0 ? 0 : Math.max(0, (now - startedAt) / 60_000);
    }
}
