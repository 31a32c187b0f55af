package dev.kubelessons.instructor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What the board tells the instructor about its own link to the cluster: nothing while it is reachable, else since when it
 * is not. Public for FreeMarker, sent as JSON over SSE; the template and the page's script show the message as text only.
 */
public record ClusterBanner(boolean reachable, long since, String message) {

    public static final ClusterBanner REACHABLE = new ClusterBanner(true, 0, "");
    /** The reason comes from an exception; a long one (a whole HTTP body) would crowd out the board. */
    static final int REASON_MAX = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** In the board's time zone: the instructor reads the time off the machine the board runs on. */
    public static ClusterBanner unreachable(Instant since, ZoneId zone, String reason) {
        String why = reason == null || reason.isBlank() ? "" : " (" + (reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) + "…" : reason) + ")";
        return new ClusterBanner(false, since.toEpochMilli(),
                "cluster unreachable since " + TIME.format(since.atZone(zone)) + ", retrying; the board shows the last known state" + why);
    }
}
