package dev.kubelessons.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Replaces a directory as a whole: the new content is written into a temporary sibling
 * (same file system, so renames are cheap and atomic), then swapped in. If writing fails,
 * the old directory is never touched; readers see the old or the new, never half of each.
 */
final class AtomicDirectory {

    /** Fills a fresh, empty directory. */
    @FunctionalInterface
    interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    private final Path target;

    AtomicDirectory(Path target) {
        this.target = target.toAbsolutePath().normalize();
    }

    void replace(Contents contents) throws IOException {
        Path parent = Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        Path fresh = Files.createTempDirectory(parent, "." + name + ".new-");
        // Temp directories are private (0700); a site is for anyone to read.
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try {
            contents.writeInto(fresh);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(fresh);
            throw e;
        }
        if (!Files.exists(target)) {
            move(fresh, target);
            return;
        }
        Path old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.delete(old); // only its unique name is wanted
        move(target, old);
        try {
            move(fresh, target);
        } catch (IOException e) {
            move(old, target);
            deleteTree(fresh);
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
