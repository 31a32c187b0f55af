package dev.kubelessons.tui;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.runner.InteractiveLoop;
import dev.kubelessons.runner.LessonView;
import dev.kubelessons.runner.Terminal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session as plain lines, for a stdout that is not a terminal or TERM=dumb: each screen printed
 * once, each change of a check printed as it happens, commands typed as a letter and Enter. The
 * Markdown is rendered the same way as on the full screen, without colour when asked.
 */
public final class PlainView implements LessonView {

    private static final int WIDTH = 100;

    private final Terminal terminal;
    private final LessonPages pages;
    private final CheckLines checks;
    private volatile Step current;
    private String lastBanner = "";

    public PlainView(Terminal terminal) {
        this.terminal = terminal;
        this.pages = new LessonPages(WIDTH, terminal.color());
        this.checks = new CheckLines(WIDTH, terminal.color());
    }

    @Override
    public boolean introductionWaitsForKey() {
        return false;
    }

    @Override
    public synchronized void introduction(Header header, Map<String, String> missing) {
        current = null;
        pages.introduction(header, missing, false).forEach(terminal::println);
    }

    @Override
    public synchronized void step(Header header, Step step, List<Verdict> verdicts) {
        current = step;
        terminal.println("");
        terminal.println(terminal.bold("Step " + step.number() + "/" + header.lesson().steps().size() + ": " + step.title()));
        // The step's own heading is in the header line above; the page starts after it.
        pages.step(header, step).stream().skip(3).forEach(terminal::println);
        terminal.println("");
        // Keys before the checks: verdicts that arrive later then land under "Checks:", not after the key list.
        terminal.println(terminal.dim("keys (then Enter): " + InteractiveLoop.KEYS));
        terminal.println("Checks:");
        for (CheckSpec check : step.checks()) {
            verdicts.stream().filter(v -> v.id().equals(check.info().id())).findFirst()
                    .ifPresent(v -> checks.of(check, v, false).forEach(terminal::println));
        }
    }

    @Override
    public synchronized void verdict(Verdict verdict) {
        if (current != null) {
            checks.of(verdict.check(), verdict, false).forEach(terminal::println);
        }
    }

    @Override
    public synchronized void reveal(String title, String markdown) {
        pages.reveal(title, markdown).forEach(terminal::println);
    }

    @Override
    public synchronized void note(String text) {
        terminal.println(text);
    }

    @Override
    public synchronized void outage(Optional<String> banner) {
        // The watchdog repeats the banner on every retry; a line-printing view says it once.
        String text = banner.orElse("");
        if (!text.isEmpty() && !text.equals(lastBanner)) {
            terminal.println(text);
        }
        lastBanner = text;
    }

    @Override
    public Optional<String> nextKey() {
        return terminal.readLine();
    }

    @Override
    public void close() {
    }
}
