package dev.kubelessons.live;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in the learner's browser with the desktop's own opener (xdg-open, open, the Windows URL handler). On a
 * Linux machine without a display it does not try: xdg-open would start a text browser in the learner's terminal.
 */
public final class BrowserOpener {

    private BrowserOpener() {
    }

    /** Empty when the browser was asked to open {@code url}, else why not (the caller prints the address either way). */
    public static Optional<String> open(String url) {
        List<String> command = command(url);
        if (command.isEmpty()) {
            return Optional.of("no desktop to open a browser on (no DISPLAY or WAYLAND_DISPLAY)");
        }
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() != 0) {
                return Optional.of(command.get(0) + " could not open a browser (exit " + process.exitValue() + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(command.get(0) + " is not available (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static List<String> command(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        if (os.contains("mac")) {
            return List.of("open", url);
        }
        boolean display = notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
        return display ? List.of("xdg-open", url) : List.of();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "NUL" : "/dev/null";
    }
}
