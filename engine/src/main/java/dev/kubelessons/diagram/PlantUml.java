package dev.kubelessons.diagram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.error.PSystemError;

/**
 * The one class that calls PlantUML. It wraps a lesson's diagram text in our preamble (the smetana
 * layout, so no Graphviz; a palette of placeholder colours that {@link ThemedSvg} turns into the site's
 * theme variables) and draws it as SVG, or finds its syntax error. Only code that draws or checks a
 * diagram touches this class, so commands that do neither never load PlantUML's 18 MB.
 */
final class PlantUml {

    static {
        // No !include of files or URLs from a lesson: the site is built on authors' and learners' machines.
        System.setProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
        System.setProperty("java.awt.headless", "true");
    }

    /** Placeholder colours, one per role; ThemedSvg maps each to a CSS variable of the site. */
    static final String TEXT = "#010101";
    static final String LINE = "#020202";
    static final String BOX = "#030303";
    static final String HOT_BOX = "#040404";
    static final String HOT_LINE = "#050505";
    static final String DENY_BOX = "#060606";
    static final String DENY_LINE = "#070707";

    private static final String PREAMBLE = String.join("\n",
            "@startuml",
            "!pragma layout smetana",
            "<style>",
            "root {",
            "  FontName sans-serif",
            "  FontColor " + TEXT,
            "  LineColor " + LINE,
            "  BackgroundColor " + BOX,
            "}",
            "document {",
            "  BackgroundColor transparent",
            "}",
            ".hot {",
            "  BackgroundColor " + HOT_BOX,
            "  LineColor " + HOT_LINE,
            "}",
            ".deny {",
            "  BackgroundColor " + DENY_BOX,
            "  LineColor " + DENY_LINE,
            "  FontColor " + DENY_LINE,
            "}",
            "</style>",
            "skinparam shadowing false",
            "hide stereotype",
            "!$hot = \"" + HOT_LINE + "\"",
            "!$deny = \"" + DENY_LINE + "\"",
            "");
    /** Lines before the author's first line in what PlantUML reads. */
    static final int PREAMBLE_LINES = (int) PREAMBLE.chars().filter(c -> c == '\n').count();

    private PlantUml() {
    }

    /** A syntax error: {@code line} is 1-based in the author's diagram text. */
    record SyntaxError(int line, String message) {
    }

    // Lint and the site draw lessons on every core; PlantUML's layout code keeps static state, so one diagram at a time.
    private static final Object LOCK = new Object();

    // A diagram's text decides its answer: a course that repeats a diagram (copied lessons, a generated course) is
    // parsed once per distinct text, one at a time under LOCK, where lint of 1,000 lessons parsed each copy.
    private static final Map<String, Optional<SyntaxError>> SYNTAX = new ConcurrentHashMap<>();

    static Optional<SyntaxError> syntaxError(String source) {
        Optional<SyntaxError> known = SYNTAX.get(source);
        if (known != null) {
            return known;
        }
        Optional<SyntaxError> found;
        synchronized (LOCK) {
            found = findSyntaxError(source);
        }
        SYNTAX.put(source, found);
        return found;
    }

    private static Optional<SyntaxError> findSyntaxError(String source) {
        Diagram diagram = new SourceStringReader(wrap(source)).getBlocks().get(0).getDiagram();
        return diagram instanceof PSystemError error ? Optional.of(syntaxError(error)) : Optional.empty();
    }

    private static SyntaxError syntaxError(PSystemError error) {
        int line = error.getLineLocation() == null ? 0 : error.getLineLocation().getPosition() + 1 - PREAMBLE_LINES;
        String message = String.join("; ", error.getErrorsUml().stream().map(e -> e.getError()).distinct().toList());
        return new SyntaxError(Math.max(1, line), message.isBlank() ? "PlantUML cannot read this diagram" : message);
    }

    /** The diagram's SVG, or its syntax error: one parse for both, where checking first and drawing after parsed it twice. */
    record Drawn(Optional<SyntaxError> error, String svg) {
    }

    static Drawn draw(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            synchronized (LOCK) {
                // What SourceStringReader.outputImage does with our one block, minus its second parse.
                Diagram diagram = new SourceStringReader(wrap(source)).getBlocks().get(0).getDiagram();
                if (diagram instanceof PSystemError error) {
                    return new Drawn(Optional.of(syntaxError(error)), "");
                }
                diagram.exportDiagram(out, 0, new FileFormatOption(FileFormat.SVG, false));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Drawn(Optional.empty(), out.toString(StandardCharsets.UTF_8));
    }

    static String svg(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            synchronized (LOCK) {
                new SourceStringReader(wrap(source)).outputImage(out, new FileFormatOption(FileFormat.SVG, false));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Our preamble around the author's text; their own @startuml/@enduml lines become blank, so line numbers stay. */
    static String wrap(String source) {
        StringBuilder text = new StringBuilder(PREAMBLE);
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            text.append(trimmed.startsWith("@startuml") || trimmed.equals("@enduml") ? "" : line).append('\n');
        }
        return text.append("@enduml\n").toString();
    }
}
