package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagrams kept between builds: a miss draws and keeps, a hit is not drawn again, anything else (damage, another engine build) is a miss. */
class DiagramCacheTest {

    @TempDir
    Path tmp;

    private final Diagram diagram = new Diagram("Service to pods", "The Service my-nginx sends to its pods.",
            "rectangle \"Service my-nginx\" as s <<hot>>\nrectangle pods as p\ns --> p\n", SourcePosition.of(Path.of("03-clusterip.md"), 10, 1), 13);

    @Test
    void aMissDrawsAndKeepsTheSvgAndTheNextBuildGetsTheSameFigure() throws IOException {
        DiagramCache cache = DiagramCache.in(tmp, Optional.of("engine-1"));
        String drawn = new DiagramFigures(cache).figure(diagram);
        assertTrue(drawn.contains("<svg"), drawn);
        assertEquals(1, files().size(), "one file per diagram");
        assertEquals(drawn, new DiagramFigures(cache).figure(diagram), "a new build's figure from the cache is the same bytes");
        assertEquals(drawn, new DiagramFigures().figure(diagram), "and the same as drawn without a cache");
    }

    @Test
    void aHitIsNotDrawnAgain() {
        DiagramCache cache = DiagramCache.in(tmp, Optional.of("engine-1"));
        cache.store(diagram, DiagramFigures.id(diagram), "<svg>kept</svg>");
        String figure = new DiagramFigures(cache).figure(diagram);
        assertTrue(figure.startsWith("<figure class=\"diagram\"><svg>kept</svg><figcaption>"), "the kept SVG, not a drawing: " + figure);
    }

    @Test
    void aDamagedEntryOrAnotherEngineBuildIsAMissAndIsDrawnAgain() throws IOException {
        DiagramCache cache = DiagramCache.in(tmp, Optional.of("engine-1"));
        cache.store(diagram, "dg-a", "<svg>kept</svg>");
        Path file = files().get(0);
        Files.writeString(file, Files.readString(file).replace("kept", "kepT"));
        assertEquals(Optional.empty(), cache.svg(diagram, "dg-a"), "the SVG no longer matches its digest");
        Files.writeString(file, "not a cache file");
        assertEquals(Optional.empty(), cache.svg(diagram, "dg-a"));
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertEquals(Optional.empty(), cache.svg(diagram, "dg-a"), "not UTF-8");

        cache.store(diagram, "dg-a", "<svg>kept</svg>");
        assertEquals(Optional.empty(), DiagramCache.in(tmp, Optional.of("engine-2")).svg(diagram, "dg-a"), "another engine build draws again");
        assertEquals(Optional.empty(), cache.svg(new Diagram("Other title", diagram.description(), diagram.source(), diagram.position(),
                diagram.sourceLine()), "dg-a"), "another title is another figure");
    }

    @Test
    void aDiagramIsKnownDrawnOnlyWhenThisEngineBuildKeptItUnderTheSiteIds() throws IOException {
        DiagramCache cache = DiagramCache.in(tmp, Optional.of("engine-1"));
        assertFalse(cache.drawn(diagram), "nothing kept yet");
        new DiagramFigures(cache).figure(diagram);
        assertTrue(cache.drawn(diagram), "drawn by a site build");
        Path sites = files().get(0);
        assertFalse(DiagramCache.in(tmp, Optional.of("engine-2")).drawn(diagram), "another engine build parses it itself");
        assertFalse(cache.drawn(new Diagram(diagram.title(), diagram.description(), diagram.source() + "p --> s\n", diagram.position(),
                diagram.sourceLine())), "another text");
        assertFalse(DiagramCache.in(tmp, Optional.empty()).drawn(diagram), "without an engine build identity");
        String kept = Files.readString(sites);
        Files.writeString(sites, kept.substring(0, kept.indexOf('\n') - 1));
        assertFalse(cache.drawn(diagram), "a cut header");
        Files.delete(sites);
        cache.store(diagram, "dg-other", "<svg>kept</svg>");
        assertFalse(cache.drawn(diagram), "kept under other ids is not the site's figure");
    }

    @Test
    void withoutAnEngineBuildIdentityNothingIsKept() throws IOException {
        DiagramCache cache = DiagramCache.in(tmp, Optional.empty());
        assertTrue(new DiagramFigures(cache).figure(diagram).contains("<svg"));
        assertFalse(Files.list(tmp).findAny().isPresent(), "no file written");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }
}
