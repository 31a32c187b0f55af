package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outline cache of {@code list}: served only while the engine build, the course's paths and every lesson file's bytes are those it was made from. */
class ListOutlineCacheTest {

    @TempDir
    Path dir;

    private Path lessons;
    private final AtomicInteger parses = new AtomicInteger();

    @BeforeEach
    void copyTheRealCourse() throws Exception {
        lessons = Fixtures.copyRealLessons(dir.resolve("course/lessons"));
    }

    private ListOutline outline(ListOutlineCache cache) {
        ProjectLayout layout = ProjectLayout.discover(lessons);
        Supplier<ListOutline> parse = () -> {
            parses.incrementAndGet();
            return ListOutline.of(layout.loader().load(layout.lessons()));
        };
        return cache.outline(layout, parse);
    }

    @Test
    void aWarmRunParsesNothingAndShowsWhatAColdRunShowed() {
        ListOutlineCache cache = new ListOutlineCache(dir.resolve("cache"), Optional.of("engine-1"));
        ListOutline cold = outline(cache);
        ListOutline warm = outline(cache);
        assertEquals(1, parses.get(), "the second run read the kept outline");
        assertEquals(cold, warm);
        assertTrue(cold.paths().stream().flatMap(p -> p.lessons().stream()).anyMatch(r -> r.id().equals("03-clusterip") && !r.checkIds().isEmpty()), cold.toString());
    }

    @Test
    void anEditedLessonAnAddedOneANewEngineOrACorruptCacheIsParsedAgain() throws Exception {
        ListOutlineCache cache = new ListOutlineCache(dir.resolve("cache"), Optional.of("engine-1"));
        outline(cache);

        Path clusterip = lessons.resolve("03-clusterip.md");
        String text = Files.readString(clusterip);
        String title = text.lines().filter(l -> l.startsWith("title:")).findFirst().orElseThrow();
        Files.writeString(clusterip, text.replace(title, "title: A title changed since the last list"));
        ListOutline edited = outline(cache);
        assertEquals(2, parses.get());
        assertTrue(edited.toString().contains("A title changed since the last list"), edited.toString());

        Files.writeString(clusterip, text); // back to the first bytes: the outline of these bytes, not of the edit
        assertTrue(!outline(cache).toString().contains("A title changed since the last list"));
        assertEquals(3, parses.get());

        Files.writeString(lessons.resolve("99-broken.md"), "no front matter\n");
        ListOutline withBroken = outline(cache);
        assertEquals(4, parses.get());
        assertEquals(1, withBroken.problems());

        outline(new ListOutlineCache(dir.resolve("cache"), Optional.of("engine-2")));
        assertEquals(5, parses.get(), "another engine build does not trust this one's outline");

        try (Stream<Path> kept = Files.list(dir.resolve("cache"))) {
            for (Path file : kept.toList()) {
                Files.writeString(file, "{\"key\": ");
            }
        }
        assertEquals(withBroken, outline(new ListOutlineCache(dir.resolve("cache"), Optional.of("engine-1"))));
        assertEquals(6, parses.get());
    }

    @Test
    void anEngineThatIsNotAJarCachesNothing() {
        ListOutlineCache cache = new ListOutlineCache(dir.resolve("cache"), Optional.empty());
        outline(cache);
        outline(cache);
        assertEquals(2, parses.get());
        assertTrue(Files.notExists(dir.resolve("cache")));
    }
}
