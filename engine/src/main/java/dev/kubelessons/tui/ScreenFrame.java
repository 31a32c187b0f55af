package dev.kubelessons.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * One frame of the full screen, top to bottom: the header, the outage banner (while there is one), the
 * scrolling body, the check panel, the latest message and the key footer. Pure: the same state gives the
 * same lines, which the terminal then diffs onto the screen.
 */
final class ScreenFrame {

    record State(String header, String banner, List<String> body, int scroll, String panelTitle, List<String> panel,
                 String note, String footer) {
    }

    /** An outage banner may carry the next step (what to run when the cluster stays away): room for it at 60 columns. */
    private static final int BANNER_LINES = 4;

    private final int width;
    private final int height;
    private final boolean color;

    ScreenFrame(int width, int height, boolean color) {
        this.width = Math.max(20, width);
        this.height = Math.max(8, height);
        this.color = color;
    }

    /** How many body lines fit beside the rest of {@code state}: the page size for scrolling. */
    int bodyHeight(State state) {
        return Math.max(3, height - fixedLines(state));
    }

    List<String> render(State state) {
        List<String> out = new ArrayList<>();
        out.add(Style.HEADER.apply(pad(state.header()), color));
        wrap(state.banner(), BANNER_LINES).forEach(l -> out.add(Style.BANNER.apply(pad(l), color)));
        int bodyHeight = bodyHeight(state);
        int scroll = Math.max(0, Math.min(state.scroll(), Math.max(0, state.body().size() - bodyHeight)));
        for (int i = 0; i < bodyHeight; i++) {
            int line = scroll + i;
            out.add(line < state.body().size() ? " " + state.body().get(line) : "");
        }
        String position = state.body().size() <= bodyHeight ? "" : " lines " + (scroll + 1) + "–"
                + Math.min(state.body().size(), scroll + bodyHeight) + " of " + state.body().size()
                + (scroll + bodyHeight < state.body().size() ? " ↓ more" : "") + " ";
        String title = "── " + state.panelTitle() + " ";
        out.add(Style.DIM.apply(title + "─".repeat(Math.max(0, width - title.length() - position.length())) + position, color));
        int panelRoom = panelRoom(state);
        for (int i = 0; i < Math.min(panelRoom, state.panel().size()); i++) {
            out.add(state.panel().get(i));
        }
        List<String> note = wrap(state.note(), 2);
        note.forEach(l -> out.add(Style.BOLD.apply(l, color)));
        out.add(Style.DIM.apply(new StyledLine().add(state.footer(), Style.PLAIN).truncated(width, false), color));
        while (out.size() < height) {
            out.add(out.size() - 1, "");
        }
        return out.subList(0, height);
    }

    private int fixedLines(State state) {
        return 1 + wrap(state.banner(), BANNER_LINES).size() + 1 + panelRoom(state) + wrap(state.note(), 2).size() + 1;
    }

    /** The panel takes what it needs, up to half the screen; the body keeps the rest. */
    private int panelRoom(State state) {
        return Math.min(state.panel().size(), Math.max(3, height / 2 - 2));
    }

    /** A banner or message: {@code max} lines at most, the last cut with … when there is more. */
    private List<String> wrap(String text, int max) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> lines = new StyledLine().add(text, Style.PLAIN).wrap(width - 1, " ", " ", false);
        if (lines.size() <= max) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, max - 1));
        kept.add(new StyledLine().add(lines.get(max - 1) + lines.get(max), Style.PLAIN).truncated(width, false));
        return kept;
    }

    private String pad(String text) {
        String cut = new StyledLine().add(text, Style.PLAIN).truncated(width, false);
        return cut + " ".repeat(Math.max(0, width - cut.length()));
    }
}
