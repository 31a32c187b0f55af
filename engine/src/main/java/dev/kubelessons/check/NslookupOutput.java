package dev.kubelessons.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What nslookup printed in the probe: its exit code and the addresses of the answer. The lines before
 * {@code Name:} describe the DNS server, not the answer, and are skipped.
 */
record NslookupOutput(int exit, List<String> addresses, String problem) {

    private static final String EXIT = "kl-exit ";
    private static final Pattern ADDRESS = Pattern.compile("^Address(?:es)?(?:\\s+\\d+)?:\\s*(\\S+)");

    /** The probe command: the name is passed as $1, never spliced into the script. */
    static List<String> command(String name) {
        return List.of("sh", "-c", "nslookup \"$1\" >/tmp/out 2>&1; echo \"" + EXIT + "$?\"; cat /tmp/out; exit 0",
                "probe", name);
    }

    static NslookupOutput parse(String log) {
        int exit = -1;
        boolean inAnswer = false;
        List<String> addresses = new ArrayList<>();
        String problem = "";
        for (String raw : (log == null ? "" : log).split("\n")) {
            String line = raw.strip();
            if (line.startsWith(EXIT)) {
                exit = parseInt(line.substring(EXIT.length()));
            } else if (line.startsWith("Name:")) {
                inAnswer = true;
            } else if (inAnswer) {
                Matcher matcher = ADDRESS.matcher(line);
                if (matcher.find()) {
                    addresses.add(matcher.group(1));
                }
            }
            if (line.contains("NXDOMAIN") || line.contains("can't find") || line.contains("timed out")
                    || line.contains("no servers could be reached")) {
                problem = problem.isEmpty() ? line : problem;
            }
        }
        return new NslookupOutput(exit, List.copyOf(addresses), problem);
    }

    boolean resolves() {
        return exit == 0 && !addresses.isEmpty();
    }

    /** No DNS server answered at all: then "does not resolve" proves nothing. */
    boolean serverUnreachable() {
        return problem.contains("timed out") || problem.contains("no servers could be reached");
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
