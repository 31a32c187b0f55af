package dev.kubelessons.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A pseudo-terminal for tests: runs a command in a detached tmux session, types keys, reads the screen. */
final class Tmux implements AutoCloseable {

    private final String session;

    Tmux(String session, List<String> command, int width, int height) throws IOException, InterruptedException {
        this.session = session;
        List<String> argv = new ArrayList<>(List.of("tmux", "new-session", "-d", "-s", session, "-x", String.valueOf(width), "-y", String.valueOf(height)));
        // A wrapper shell prints the program's exit status when it ends, for waitForExit.
        argv.addAll(List.of("sh", "-c", "\"$@\"; echo \"[exit status $?]\"", "sh"));
        argv.addAll(command);
        run(argv);
        run(List.of("tmux", "set-option", "-t", session, "remain-on-exit", "on"));
    }

    void type(String keys) throws IOException, InterruptedException {
        run(List.of("tmux", "send-keys", "-t", session, "-l", keys));
        run(List.of("tmux", "send-keys", "-t", session, "Enter"));
    }

    /** One key, no Enter: the full-screen runner reads single keys ("Enter" names the Enter key). */
    void press(String key) throws IOException, InterruptedException {
        run(key.equals("Enter") ? List.of("tmux", "send-keys", "-t", session, "Enter") : List.of("tmux", "send-keys", "-t", session, "-l", key));
    }

    /** Resizes the terminal, as a learner dragging the window does (the program gets SIGWINCH). */
    void resize(int width, int height) throws IOException, InterruptedException {
        run(List.of("tmux", "resize-window", "-t", session, "-x", String.valueOf(width), "-y", String.valueOf(height)));
    }

    /** The visible screen only (the full-screen runner draws on the alternate screen, which has no history). */
    String visible() throws IOException, InterruptedException {
        return run(List.of("tmux", "capture-pane", "-p", "-t", session));
    }

    /** Waits until {@code text} is (or, with {@code present} false, is no longer) on the visible screen; returns the seconds it took. */
    double waitVisible(String text, boolean present, double seconds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (true) {
            String screen = visible();
            if (screen.contains(text) == present) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() - start > seconds * 1e9) {
                throw new AssertionError("'" + text + "' " + (present ? "did not appear" : "did not go") + " within " + seconds + " s; screen:\n" + screen);
            }
            Thread.sleep(100);
        }
    }

    String screen() throws IOException, InterruptedException {
        return run(List.of("tmux", "capture-pane", "-p", "-J", "-S", "-2000", "-t", session));
    }

    String waitFor(String text, int seconds) throws IOException, InterruptedException {
        return waitForAll(seconds, text);
    }

    /** Waits until every one of {@code texts} is on the screen at once (lines a program prints one by one) and returns it. */
    String waitForAll(int seconds, String... texts) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String screen = screen();
            if (java.util.Arrays.stream(texts).allMatch(screen::contains)) {
                return screen;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + String.join("' and '", texts) + "' did not appear within " + seconds + " s; screen:\n" + screen);
            }
            Thread.sleep(200);
        }
    }

    /** Waits until the program has exited and returns its exit status (printed by the wrapper shell). */
    int waitForExit(int seconds) throws IOException, InterruptedException {
        String screen = waitFor("[exit status ", seconds);
        var matcher = java.util.regex.Pattern.compile("\\[exit status (\\d+)]").matcher(screen);
        if (!matcher.find()) {
            throw new AssertionError("no exit status on screen:\n" + screen);
        }
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor(10, TimeUnit.SECONDS);
    }

    private static String run(List<String> argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + output);
        }
        return output;
    }
}
