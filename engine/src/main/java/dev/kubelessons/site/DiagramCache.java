package dev.kubelessons.site;

import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.runner.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Drawn diagrams kept between site builds, so that a build whose diagrams did not change never loads PlantUML
 * (its first diagram in a fresh JVM cost ~0.4 s of class loading and interpreted code, and each diagram 30-50 ms
 * after: bench/RESULTS.md). One file per diagram (named by a SHA-256 of its title, description, text and id
 * prefix), holding the SHA-256 of the engine build and the diagram, the SHA-256 of the SVG, and the SVG: another
 * engine build, a changed diagram or a damaged file is a miss, and the next draw overwrites the file. Only
 * diagrams that parse are kept. Without an engine build identity (classes outside a jar) nothing is kept.
 */
public final class DiagramCache {

    /** No cache: every diagram is drawn (tests, and callers without a user cache folder). */
    public static final DiagramCache NONE = new DiagramCache(null, Optional.empty());

    private static final String MAGIC = "kubelessons-diagram-svg 1";

    private final Path folder;
    private final Optional<String> engineBuild;

    private DiagramCache(Path folder, Optional<String> engineBuild) {
        this.folder = folder;
        this.engineBuild = engineBuild;
    }

    /** Diagrams kept in {@code folder} for the engine build {@code engineBuild}; empty keeps nothing. */
    public static DiagramCache in(Path folder, Optional<String> engineBuild) {
        return new DiagramCache(folder, engineBuild);
    }

    /** The SVG drawn for this diagram and id prefix by this engine build, if kept and intact. */
    Optional<String> svg(Diagram diagram, String idPrefix) {
        if (engineBuild.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            Path file = file(diagram, idPrefix);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or not UTF-8: a miss, drawn again
        }
        int headerEnd = text.indexOf('\n');
        if (headerEnd < 0) {
            return Optional.empty();
        }
        String svg = text.substring(headerEnd + 1);
        String expected = MAGIC + " " + key(diagram, idPrefix) + " " + sha256(svg);
        return text.substring(0, headerEnd).equals(expected) ? Optional.of(svg) : Optional.empty();
    }

    /**
     * Whether this engine build drew this diagram for the site (under the ids {@link DiagramFigures} gives it) and kept
     * it: then it parses, since only diagrams that parse are kept. Lint asks this before loading PlantUML to parse it
     * again. Only the file's first line is read: the key in it names the engine build and the diagram; the SVG's own
     * digest guards the page, not this answer.
     */
    public boolean drawn(Diagram diagram) {
        if (engineBuild.isEmpty()) {
            return false;
        }
        String id = DiagramFigures.id(diagram);
        String expected = MAGIC + " " + key(diagram, id) + " ";
        byte[] header;
        try (InputStream in = Files.newInputStream(file(diagram, id))) {
            header = in.readNBytes(expected.length() + 65); // then the SVG's SHA-256 in hex and a line break
        } catch (IOException | RuntimeException e) {
            return false; // not kept (or unreadable): lint parses it
        }
        String text = new String(header, StandardCharsets.ISO_8859_1);
        return text.length() == expected.length() + 65 && text.startsWith(expected) && text.endsWith("\n");
    }

    /** Keeps the SVG of a diagram that parsed; a folder that cannot be written only means the next build draws it again. */
    void store(Diagram diagram, String idPrefix, String svg) {
        if (engineBuild.isEmpty()) {
            return;
        }
        try {
            AtomicFile.write(file(diagram, idPrefix), MAGIC + " " + key(diagram, idPrefix) + " " + sha256(svg) + "\n" + svg);
        } catch (RuntimeException e) {
            // Read-only or full cache folder: no harm, the diagram is drawn again next time.
        }
    }

    private Path file(Diagram diagram, String idPrefix) {
        return folder.resolve(sha256(text(diagram, idPrefix)).substring(0, 24) + ".svg");
    }

    private String key(Diagram diagram, String idPrefix) {
        return sha256(engineBuild.orElseThrow() + "\u0000" + text(diagram, idPrefix));
    }

    /** Everything the drawn SVG depends on besides the engine build. */
    private static String text(Diagram diagram, String idPrefix) {
        return idPrefix + "\u0000" + diagram.title() + "\u0000" + diagram.description() + "\u0000" + diagram.source();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
