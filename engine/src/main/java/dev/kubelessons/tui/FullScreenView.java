package dev.kubelessons.tui;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.runner.Counted;
import dev.kubelessons.runner.LessonView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * The full-screen tutor. Built on JLine 3 (org.jline:jline-terminal): the Java terminal library that is
 * kept up (the JDK's jshell ships a copy of it), with raw single-key input, the terminal's size and
 * resize signal, the alternate screen, and {@link Display}, which redraws only the lines that changed, so
 * the check panel updates in place without flicker. Lanterna would do too, but brings its own widget model,
 * which a screen of text and one panel does not need.
 * The JLine providers that need native code are left out: stty does the raw mode, on Linux and macOS alike.
 */
public final class FullScreenView implements LessonView {

    /** The step's keys in footer order, ranked by how much a learner needs them on screen (n and h first). */
    private static final List<KeyFooter.Entry> STEP_KEYS = List.of(new KeyFooter.Entry("↑↓ PgUp PgDn scroll", 9),
            new KeyFooter.Entry("h hint", 2), new KeyFooter.Entry("s solution", 3), new KeyFooter.Entry("f fast-forward", 6),
            new KeyFooter.Entry("c check now", 4), new KeyFooter.Entry("r reset", 7), new KeyFooter.Entry("m map", 8),
            new KeyFooter.Entry("n/Enter next", 1), new KeyFooter.Entry("p previous", 5));

    private final Terminal terminal;
    private final Attributes original;
    private final Display display;
    private final boolean color;
    private final Thread restoreOnExit = new Thread(this::restore, "kubelessons-terminal-restore");
    private final KeyReader keys;
    private Header header;
    private Step step;
    private Map<String, String> missing = Map.of();
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();
    private final List<String[]> reveals = new ArrayList<>();
    private List<String> body = List.of();
    private int scroll;
    private String banner = "";
    private String note = "";
    private boolean closed;
    private long lastReveal;

    private FullScreenView(Terminal terminal, boolean color) {
        this.terminal = terminal;
        this.color = color;
        this.original = terminal.enterRawMode();
        this.display = new Display(terminal, true);
        this.keys = new KeyReader(terminal.reader());
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        // A kill (not -9) must not leave the learner's shell in raw mode on the alternate screen.
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
        terminal.handle(Terminal.Signal.WINCH, signal -> resized());
        terminal.handle(Terminal.Signal.INT, signal -> keys.interrupt());
    }

    /** The full screen on the process's own terminal, or empty when there is none (a pipe, TERM=dumb). */
    public static Optional<FullScreenView> open(boolean color) {
        String term = System.getenv("TERM");
        if (System.console() == null || term == null || term.isBlank() || term.equals("dumb")) {
            return Optional.empty();
        }
        // Box lines as the Unicode characters they are, not switched to the terminal's line-drawing set
        // (which tmux and some fonts show as 'qqqq'): every terminal that runs this draws them.
        System.setProperty("org.jline.utils.disableAlternateCharset", "true");
        try {
            // UTF-8 unless the locale says otherwise: with no locale set (LANG unset, as under tmux or ssh), Java 17 assumes
            // ASCII and JLine would draw box lines in the terminal's line-drawing set, which many terminals show as 'qqqq'.
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(false).encoding(Locales.terminalCharset()).build();
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || terminal.getWidth() < 40 || terminal.getHeight() < 12) {
                terminal.close();
                return Optional.empty();
            }
            return Optional.of(new FullScreenView(terminal, color));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void introduction(Header header, Map<String, String> missing) {
        this.header = header;
        this.step = null;
        this.missing = missing;
        reveals.clear();
        scroll = 0;
        layout();
    }

    @Override
    public synchronized void step(Header header, Step step, List<Verdict> known) {
        this.header = header;
        this.step = step;
        verdicts.clear();
        known.forEach(v -> verdicts.put(v.id(), v));
        reveals.clear();
        scroll = 0;
        note = "";
        layout();
    }

    @Override
    public synchronized void verdict(Verdict verdict) {
        verdicts.put(verdict.id(), verdict);
        redraw();
    }

    @Override
    public synchronized void reveal(String title, String markdown) {
        reveals.add(new String[] {title, markdown});
        int start = body.size() + 1;
        layout();
        // Show what was asked for from its first line; one key can reveal several blocks at once
        // (a hint per failing check): the screen stays on the first of them.
        long now = System.nanoTime();
        if (now - lastReveal > 300_000_000L) {
            scroll = start;
        }
        lastReveal = now;
        redraw();
    }

    @Override
    public synchronized void note(String text) {
        note = text;
        redraw();
    }

    @Override
    public synchronized void outage(Optional<String> text) {
        banner = text.orElse("");
        redraw();
    }

    @Override
    public Optional<String> nextKey() {
        while (true) {
            Optional<String> key = keys.next();
            if (key.isEmpty() || !key.get().startsWith("scroll:")) {
                return key;
            }
            scroll(key.get().substring("scroll:".length()));
        }
    }

    private synchronized void scroll(String how) {
        int page = frame().bodyHeight(state()) - 1;
        scroll = switch (how) {
            case "up" -> scroll - 1;
            case "down" -> scroll + 1;
            case "pageup" -> scroll - page;
            case "pagedown" -> scroll + page;
            case "home" -> 0;
            default -> body.size();
        };
        scroll = Math.max(0, Math.min(scroll, Math.max(0, body.size() - page - 1)));
        redraw();
    }

    private synchronized void resized() {
        display.clear();
        layout();
    }

    /** Renders the body for the terminal's current width, then draws. */
    private void layout() {
        LessonPages pages = new LessonPages(terminal.getWidth() - 2, color);
        List<String> lines = new ArrayList<>(step == null ? pages.introduction(header, missing, true) : pages.step(header, step));
        for (String[] reveal : reveals) {
            lines.add("");
            lines.addAll(pages.reveal(reveal[0], reveal[1]));
        }
        body = lines;
        redraw();
    }

    private ScreenFrame frame() {
        return new ScreenFrame(terminal.getWidth(), terminal.getHeight(), color);
    }

    private ScreenFrame.State state() {
        String where = step == null ? "introduction" : "step " + step.number() + " of " + header.lesson().steps().size();
        // The namespace is what a learner types into kubectl: on a narrow screen the title and the rest give way, not it.
        String head = fitting(terminal.getWidth(),
                " kubelessons · " + header.lesson().id() + " " + header.lesson().title() + " · " + where + " · cluster "
                        + header.cluster() + " · namespace " + header.namespace(),
                " " + header.lesson().id() + " · " + where + " · cluster " + header.cluster() + " · namespace " + header.namespace(),
                " " + header.lesson().id() + " · " + where + " · namespace " + header.namespace(),
                " " + where + " · namespace " + header.namespace());
        List<String> panel = new ArrayList<>();
        CheckLines lines = new CheckLines(terminal.getWidth(), color);
        boolean greyed = !banner.isEmpty();
        if (step != null) {
            for (CheckSpec check : step.checks()) {
                panel.addAll(lines.of(check, verdicts.get(check.info().id()), greyed));
            }
        } else {
            panel.add(" " + Counted.of(header.lesson().checks().size(), "check") + " in " + Counted.of(header.lesson().steps().size(), "step")
                    + "; they watch the cluster from the first step on.");
        }
        String title = step == null ? "Checks" : greyed ? "Checks (last known state: the cluster is not answering)" : "Checks (live)";
        List<KeyFooter.Entry> keys = step != null ? STEP_KEYS : missing.isEmpty()
                ? List.of(new KeyFooter.Entry("Enter start", 1), new KeyFooter.Entry("↑↓ PgUp PgDn scroll", 9))
                : List.of(new KeyFooter.Entry("Enter start", 1), new KeyFooter.Entry("↑↓ PgUp PgDn scroll", 9),
                        new KeyFooter.Entry("g go to " + missing.keySet().iterator().next(), 2));
        String footer = new KeyFooter(keys).fit(Math.max(20, terminal.getWidth()));
        return new ScreenFrame.State(head, banner, body, scroll, title, panel, note, footer);
    }

    /** The first of {@code candidates} that fits {@code width}, else the last (the frame cuts it). */
    private static String fitting(int width, String... candidates) {
        for (String candidate : candidates) {
            if (candidate.length() <= width) {
                return candidate;
            }
        }
        return candidates[candidates.length - 1];
    }

    private void redraw() {
        if (closed || header == null) {
            return;
        }
        // Display.update edits the list it is given: a mutable copy.
        // Each line cut at the width: a line that wrapped would push the whole frame up by one.
        int width = terminal.getWidth();
        List<AttributedString> lines = frame().render(state()).stream().map(AttributedString::fromAnsi)
                .map(l -> l.columnLength() > width ? l.columnSubSequence(0, width) : l)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        display.resize(terminal.getHeight(), terminal.getWidth());
        display.update(lines, -1);
        terminal.flush();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook restores the terminal
            }
            try {
                terminal.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void restore() {
        terminal.puts(Capability.cursor_visible);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.setAttributes(original);
        terminal.flush();
    }
}
