package dev.kubelessons.report;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import java.util.List;

/** Verdicts for a terminal: a mark per check, and for failures what was found, what was expected and the hint. */
public final class TextReport {

    private final boolean color;

    public TextReport(boolean color) {
        this.color = color;
    }

    public String render(List<LessonResult> results) {
        StringBuilder out = new StringBuilder();
        for (LessonResult result : results) {
            out.append(result.lessonId()).append(": ").append(result.title()).append('\n');
            for (Verdict verdict : result.verdicts()) {
                out.append(line(verdict));
            }
            long errors = result.count(Status.ERROR);
            out.append(String.format("  %d passed, %d failed, %d skipped, %d error%s%n", result.count(Status.PASS),
                    result.count(Status.FAIL), result.count(Status.SKIPPED), errors, errors == 1 ? "" : "s"));
        }
        return out.toString();
    }

    public String line(Verdict verdict) {
        StringBuilder out = new StringBuilder();
        out.append("  ").append(mark(verdict.status())).append(' ').append(verdict.title()).append('\n');
        switch (verdict.status()) {
            case PASS -> { }
            case SKIPPED -> out.append("      skipped: ").append(verdict.message()).append('\n');
            case FAIL, ERROR -> {
                out.append("      ").append(verdict.message()).append('\n');
                if (!verdict.expected().isBlank() && !verdict.expected().equals(verdict.actual())) {
                    out.append("      expected: ").append(verdict.expected()).append("\n      actual:   ").append(verdict.actual()).append('\n');
                }
                if (verdict.status() == Status.FAIL && !verdict.hint().isBlank()) {
                    out.append("      hint: ").append(verdict.hint().strip().replace("\n", "\n            ")).append('\n');
                }
            }
        }
        return out.toString();
    }

    public String mark(Status status) {
        String text = switch (status) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case SKIPPED -> "SKIP";
            case ERROR -> "ERR ";
        };
        if (!color) {
            return "[" + text + "]";
        }
        String code = switch (status) {
            case PASS -> "32";
            case FAIL -> "31";
            case SKIPPED -> "33";
            case ERROR -> "35";
        };
        return "\u001b[" + code + "m[" + text + "]\u001b[0m";
    }
}
