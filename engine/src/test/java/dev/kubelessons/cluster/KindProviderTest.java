package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.failure.PrerequisiteException;

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
        assertEquals(List.of("busybox:1.36", "nginx:1.27", "registry.example/team/app:2"), KindImages.lessonImages(lessons));
    }

    @Test
    void theCoursesImagesIncludeNginxAndBusybox() {
        List<String> images = KindImages.lessonImages(Path.of("..", "lessons").toAbsolutePath().normalize());
        assertEquals(true, images.contains("nginx:1.27") && images.contains("busybox:1.36"), images.toString());
    }

    @Test
    void aMissingLessonsFolderHasNoImages(@TempDir Path dir) {
        assertEquals(List.of(), KindImages.lessonImages(dir.resolve("absent")));
    }

    @Test
    void aPrivilegedContainerRefusedByRuncNamesTheRuncWrapperFix() {
        // What kind printed on a host without CAP_SYS_RESOURCE whose dockerd ran without the wrapper.
        List<String> tail = List.of("ERROR: failed to create cluster: command \"docker run --name kubelessons-control-plane ...\" failed with error: exit status 126",
                "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed:"
                        + " runc create failed: unable to start container process: error during container init: unable to apply caps: operation not permitted: unknown.");
        PrerequisiteException e = KindCreateFailure.of("kubelessons", 1, tail);
        assertTrue(e.getMessage().startsWith("Docker cannot start privileged containers on this machine"), e.getMessage());
        assertTrue(e.nextStep().contains("bash scripts/build-kind-node.sh --start-docker"), e.nextStep());
    }

    @Test
    void anyOtherCreateFailureKeepsKindsOutputAndTheGenericFix() {
        List<String> tail = List.of("ERROR: failed to create cluster: node(s) already exist for a cluster with the name \"kubelessons\"");
        assertFalse(KindCreateFailure.privilegedRefused(tail));
        PrerequisiteException e = KindCreateFailure.of("kubelessons", 1, tail);
        assertTrue(e.getMessage().startsWith("kind could not create cluster 'kubelessons' (exit 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("already exist"), e.getMessage());
    }
}
