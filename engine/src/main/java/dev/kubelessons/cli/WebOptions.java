package dev.kubelessons.cli;

import dev.kubelessons.failure.UserInputException;

/** The rules of --web, --port and --no-open on a lesson, checked before anything else happens. */
final class WebOptions {

    private WebOptions() {
    }

    static void check(boolean web, int port, boolean noOpen, boolean oneShot) {
        if (!web && (noOpen || port != 0)) {
            throw new UserInputException((noOpen ? "--no-open" : "--port") + " goes with --web", "add --web, e.g. '"
                    + dev.kubelessons.lesson.Launcher.command("03-clusterip --web" + (noOpen ? " --no-open" : " --port " + port)) + "'");
        }
        if (web && oneShot) {
            throw new UserInputException("--web is the interactive tutor in the browser; --check and --solve run once and exit",
                    "drop one of them");
        }
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port " + port + " is not a port number", "pass --port N with N from 1 to 65535 (0 picks a free port)");
        }
    }
}
