package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindProviderTest {

    @Test
    void lessonImagesAreReadFromEveryLessonsFrontMatterOnceInOrder(@TempDir Path lessons) throws IOException {
        Files.writeString(lessons.resolve("01-a.md"), """
                ---
                id: 01-a
                images:
                  - busybox:1.36
                  - "nginx:1.27"
                summary: x
                ---
                images:
                  - not-front-matter:1
                """);
        Files.writeString(lessons.resolve("02-b.md"), """
                ---
                id: 02-b
                images:
                  - nginx:1.27
                  - registry.example/team/app:2
                ---
                """);
        Files.writeString(lessons.resolve("README.md"), "---\nimages:\n  - ignored:1\n---\n");
        assertEquals(List.of("busybox:1.36", "nginx:1.27", "registry.example/team/app:2"), KindProvider.lessonImages(lessons));
    }

    @Test
    void theCoursesImagesIncludeNginxAndBusybox() {
        List<String> images = KindProvider.lessonImages(Path.of("..", "lessons").toAbsolutePath().normalize());
        assertEquals(true, images.contains("nginx:1.27") && images.contains("busybox:1.36"), images.toString());
    }

    @Test
    void aMissingLessonsFolderHasNoImages(@TempDir Path dir) {
        assertEquals(List.of(), KindProvider.lessonImages(dir.resolve("absent")));
    }
}
