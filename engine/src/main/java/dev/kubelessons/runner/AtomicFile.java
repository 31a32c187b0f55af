package dev.kubelessons.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader, or a crash at any moment, sees either the old content or
 * the new one, never half: write a temp file in the same folder, fsync it, rename it over.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    public static void write(Path target, String content) {
        write(target, content, true);
    }

    /**
     * Like {@link #write}, without the fsync: for a cache file, which a crash may lose but never leave half written
     * (the rename is still atomic). Lint of 1,000 lessons wrote 1,000 such files, each waiting for the disk.
     */
    public static void writeCache(Path target, String content) {
        write(target, content, false);
    }

    private static void write(Path target, String content, boolean durable) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                    if (durable) {
                        channel.force(true);
                    }
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
