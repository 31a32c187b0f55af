package dev.kubelessons.report;

import dev.kubelessons.failure.UserInputException;
import java.util.List;
import java.util.Locale;

/** The output formats of --check and verify: text for people, json for tools, junit for any CI. */
public enum ReportFormat {
    TEXT, JSON, JUNIT;

    public static ReportFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("unknown format '" + name + "'", "use --format text, json or junit");
        }
    }

    public String render(List<LessonResult> results, boolean color) {
        return switch (this) {
            case TEXT -> new TextReport(color).render(results);
            case JSON -> new JsonReport().render(results);
            case JUNIT -> new JunitReport().render(results);
        };
    }
}
