package dev.kubelessons.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the kwok work dir, held by every 'up' and 'down'. One lock for all clusters, not one each:
 * kwokctl picks each component's port by scanning downwards from 32767 for a free one, so two clusters created at
 * the same time (two test JVMs) pick the same ports, and one of them fails to bind.
 */
final class StateLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StateLock acquire(Path dir, PrintWriter out) {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve("kwok.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                out.println("waiting for another kubelessons command starting or removing a kwok cluster");
                out.flush();
                lock = channel.lock();
            }
            return new StateLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir.resolve("kwok.lock"), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel frees the lock anyway; nothing useful to tell the user.
        }
    }
}
