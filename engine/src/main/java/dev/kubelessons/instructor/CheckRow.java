package dev.kubelessons.instructor;

/** One check's latest result in a board cell: as the instructor evaluated it, or as an attendee reported it. */
public record CheckRow(String id, String title, String status, String message) {

    /** Reported messages are shown to the instructor, so an attendee cannot flood the page. */
    static final int MESSAGE_MAX = 300;

    public CheckRow {
        message = message == null ? "" : message.length() > MESSAGE_MAX ? message.substring(0, MESSAGE_MAX) + "…" : message;
    }

    public boolean passed() {
        return "PASS".equals(status);
    }

    /** SKIPPED checks cannot run here (no data plane), so they count neither for nor against. */
    public boolean counts() {
        return !"SKIPPED".equals(status);
    }
}
