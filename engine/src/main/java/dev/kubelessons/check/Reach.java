package dev.kubelessons.check;

/**
 * What a data-plane probe's connection met, read from curl's own exit code and error: the target answered, or it
 * refused, or nothing answered in time, and so on. A policy check passes on "timed out" as readily as another passes on
 * "reached", so the map marks probed paths with this and never with PASS or FAIL.
 */
public enum Reach {
    REACHED("reached"),
    REFUSED("refused"),
    TIMED_OUT("timed out"),
    NO_ROUTE("no route to host"),
    UNRESOLVED("name not resolved"),
    FAILED("probe failed");

    private final String word;

    Reach(String word) {
        this.word = word;
    }

    /** How the map and the tutor say it. */
    public String word() {
        return word;
    }

    static Reach of(CurlOutput out) {
        if (out.connected()) {
            return REACHED;
        }
        String error = out.error().toLowerCase(java.util.Locale.ROOT);
        return switch (out.curlExit()) {
            case 28 -> TIMED_OUT;
            case 6 -> UNRESOLVED;
            // curl 7: the connect() failed. ECONNREFUSED says "Connection refused" (or, in newer curl, "Couldn't
            // connect to server"); an ICMP unreachable says "No route to host".
            case 7 -> error.contains("no route") || error.contains("unreachable") ? NO_ROUTE : REFUSED;
            default -> FAILED;
        };
    }
}
