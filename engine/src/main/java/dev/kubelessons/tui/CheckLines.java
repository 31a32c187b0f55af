package dev.kubelessons.tui;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A check on the panel: its word ([PASS], [FAIL], [SKIP], [ERR ]) and title, and under a FAIL or ERR its
 * one-line explanation (two lines at most), under a SKIP the reason. Greyed while the cluster is away:
 * the last known state, still readable, the words still there.
 */
final class CheckLines {

    private final int width;
    private final boolean color;

    CheckLines(int width, boolean color) {
        this.width = width;
        this.color = color;
    }

    List<String> of(CheckSpec check, Verdict verdict, boolean greyed) {
        List<String> out = new ArrayList<>();
        Style markStyle = greyed || verdict == null ? Style.GREY : switch (verdict.status()) {
            case PASS -> Style.PASS;
            case FAIL -> Style.FAIL;
            case SKIPPED -> Style.SKIP;
            case ERROR -> Style.ERROR;
        };
        Style text = greyed ? Style.GREY : Style.PLAIN;
        StyledLine head = new StyledLine().add(mark(verdict), markStyle).add(" " + check.info().title(), text);
        out.add(" " + head.truncated(width - 1, color));
        if (verdict == null) {
            return out;
        }
        String detail = switch (verdict.status()) {
            case PASS -> "";
            case SKIPPED -> "skipped: " + verdict.message();
            case FAIL, ERROR -> verdict.message();
        };
        if (!detail.isBlank()) {
            List<String> lines = new StyledLine().add(detail, greyed ? Style.GREY : Style.DIM).wrap(width, "        ", "        ", color);
            if (lines.size() > 2) {
                // Two lines at most; the rest is a key away (h) for a FAIL, and a SKIP's reason is seldom longer.
                String more = verdict.status() == Status.SKIPPED ? " …" : " … (h explains)";
                lines = new ArrayList<>(new StyledLine().add(detail, greyed ? Style.GREY : Style.DIM)
                        .wrap(width - more.length(), "        ", "        ", color).subList(0, 2));
                lines.set(1, lines.get(1) + Style.DIM.apply(more, color));
            }
            out.addAll(lines);
        }
        return out;
    }

    static String mark(Verdict verdict) {
        if (verdict == null) {
            return "[ .. ]";
        }
        return switch (verdict.status()) {
            case PASS -> "[PASS]";
            case FAIL -> "[FAIL]";
            case SKIPPED -> "[SKIP]";
            case ERROR -> "[ERR ]";
        };
    }
}
