package dev.kubelessons.instructor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What the board tells the instructor about its own link to the cluster: nothing while it is reachable, else since when it
 * is not. Public for FreeMarker, sent as JSON over SSE; the template and the page's script show the message as text only.
 */
public record ClusterBanner(boolean reachable, long since, String message, boolean replaced) {

    public static final ClusterBanner REACHABLE = new ClusterBanner(true, 0, "", false);
    /** The reason comes from an exception; a long one (a whole HTTP body) would crowd out the board. */
    static final int REASON_MAX = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** In the board's time zone: the instructor reads the time off the machine the board runs on. */
    public static ClusterBanner unreachable(Instant since, ZoneId zone, String reason) {
        String why = reason == null || reason.isBlank() ? "" : " (" + (reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) + "…" : reason) + ")";
        return new ClusterBanner(false, since.toEpochMilli(),
                "cluster unreachable since " + TIME.format(since.atZone(zone)) + ", retrying; the board shows the last known state" + why, false);
    }

    /**
     * Another cluster answers where the workshop's was (rebuilt, or replaced): its attendees' namespaces and kubeconfigs are
     * gone with it, so the cells show the past, never live progress. For good: only provisioning anew and a new board help.
     */
    public static ClusterBanner replacedBy(Instant since, ZoneId zone, String what, java.util.List<String> attendees) {
        String names = attendees.isEmpty() ? "<names>" : String.join(",", attendees);
        return new ClusterBanner(false, since.toEpochMilli(), "the cluster was replaced at " + TIME.format(since.atZone(zone)) + " (" + what
                + "): the workshop's namespaces and the attendees' kubeconfigs went with the old one, and the cells below show progress"
                + " from before, not live. Re-provision: jbang lesson instructor provision --names " + names
                + " --cluster <this cluster> --out <the attendees' folder>, hand out the new kubeconfigs, then restart this board.", true);
    }
}
