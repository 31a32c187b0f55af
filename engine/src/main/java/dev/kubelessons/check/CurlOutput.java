package dev.kubelessons.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the probe's curl script printed: curl's exit code, the HTTP status, curl's error and the body.
 * The script prints marker lines first so the body can contain anything.
 */
record CurlOutput(int curlExit, int httpStatus, String error, String body) {

    private static final String EXIT = "kl-curl-exit ";
    private static final String STATUS = "kl-http-status ";
    private static final String ERROR = "kl-curl-error ";
    private static final String BODY = "kl-body";
    private static final Map<Integer, String> EXIT_MEANINGS = Map.of(
            6, "could not resolve the host name",
            7, "connection refused or no route to the host",
            28, "timed out",
            52, "the server closed the connection without a reply",
            56, "the connection was reset");

    /** The probe command: the URL is passed as $1, never spliced into the script. */
    static List<String> command(String url, int timeoutSeconds) {
        return command(url, List.of(), timeoutSeconds);
    }

    /**
     * The probe command with extra curl arguments (such as {@code -H}, {@code Host: x}): like the URL
     * they follow the script as arguments of their own, which it hands to curl as "$@", so the
     * shell never parses lesson text.
     */
    static List<String> command(String url, List<String> curlArguments, int timeoutSeconds) {
        // First wait (about 3 s at most) until the probe's own network answers: a CNI may hold a new
        // pod's packets until its policy rules are in place, and that moment is not a policy verdict.
        String script = "url=$1; shift; for i in 1 2 3 4 5 6 7 8 9 10; do getent hosts kubernetes.default.svc.cluster.local >/dev/null 2>&1 && break; sleep 0.3; done; "
                + "code=$(curl -sS -o /tmp/body -w '%{http_code}' --connect-timeout " + timeoutSeconds
                + " -m " + (timeoutSeconds + 2) + " \"$@\" \"$url\" 2>/tmp/err); rc=$?; "
                + "echo \"" + EXIT + "$rc\"; echo \"" + STATUS + "$code\"; "
                + "echo \"" + ERROR + "$(head -c 300 /tmp/err | tr '\\n' ' ')\"; "
                + "echo " + BODY + "; head -c 65536 /tmp/body 2>/dev/null; exit 0";
        List<String> command = new ArrayList<>(List.of("sh", "-c", script, "probe", url));
        command.addAll(curlArguments);
        return List.copyOf(command);
    }

    static CurlOutput parse(String log) {
        int exit = -1;
        int status = 0;
        String error = "";
        String text = log == null ? "" : log;
        int bodyStart = text.length();
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            int next = offset + line.length() + 1;
            if (line.startsWith(EXIT)) {
                exit = number(line.substring(EXIT.length()), -1);
            } else if (line.startsWith(STATUS)) {
                status = number(line.substring(STATUS.length()), 0);
            } else if (line.startsWith(ERROR)) {
                error = line.substring(ERROR.length()).strip();
            } else if (line.equals(BODY)) {
                bodyStart = Math.min(next, text.length());
                break;
            }
            offset = next;
        }
        return new CurlOutput(exit, status, error, text.substring(bodyStart));
    }

    /** A TCP connection was made and something answered (any HTTP status, or a non-HTTP reply). */
    boolean connected() {
        return curlExit == 0 || curlExit == 8 || curlExit == 52 || curlExit == 56 || httpStatus > 0;
    }

    /** "timed out (curl: (28) Connection timed out after 3001 milliseconds)". */
    String failure() {
        if (curlExit < 0) {
            return "the probe printed no result";
        }
        String meaning = EXIT_MEANINGS.getOrDefault(curlExit, "curl exited with " + curlExit);
        return error.isBlank() ? meaning : meaning + " (" + error + ")";
    }

    private static int number(String text, int otherwise) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
