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

    // The temporary siblings: ".site.new-123" while the new site is written, ".site.old-456" while the old one is deleted.
    private static final String NEW = "new-";
    private static final String OLD = "old-";

    private final Path target;

    AtomicDirectory(Path target) {
        this.target = target.toAbsolutePath().normalize();
    }

    /**
     * Whether {@code path} is the target, lies under it, or is one of the temporary siblings a replace makes: what a
     * watcher of a folder that holds the target must not take for a change of its own (each build would start another).
     */
    static boolean isOwnOutput(Path target, Path path) {
        Path dir = target.toAbsolutePath().normalize();
        Path file = path.toAbsolutePath().normalize();
        if (file.startsWith(dir)) {
            return true;
        }
        Path name = file.getFileName();
        String prefix = "." + dir.getFileName() + ".";
        return name != null && dir.getParent() != null && dir.getParent().equals(file.getParent())
                && (name.toString().startsWith(prefix + NEW) || name.toString().startsWith(prefix + OLD));
    }

    void replace(Contents contents) throws IOException {
        Path parent = Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        Path fresh = Files.createTempDirectory(parent, "." + name + "." + NEW);
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
        Path old = Files.createTempDirectory(parent, "." + name + "." + OLD);
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
