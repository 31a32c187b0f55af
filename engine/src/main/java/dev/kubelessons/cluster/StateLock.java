package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock held by every kwok 'up' and 'down' on this machine. One lock for all clusters, in the temp dir
 * rather than a state dir: kwokctl picks each component's port by scanning down from 32767 for a free one, so two
 * clusters created at the same time (two test JVMs, even with different state dirs) pick the same ports and one fails.
 */
final class StateLock implements AutoCloseable {

    // File locks are held per JVM, not per thread: threads of one JVM queue here first.
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StateLock acquire(PrintWriter out) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "kubelessons-kwok-" + System.getProperty("user.name") + ".lock");
        IN_PROCESS.lock();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                out.println("waiting for another kubelessons command starting or removing a kwok cluster");
                out.flush();
                lock = channel.lock();
            }
            return new StateLock(channel, lock);
        } catch (IOException e) {
            IN_PROCESS.unlock();
            throw new PrerequisiteException("cannot lock " + file + ": " + e.getMessage(),
                    "make " + file.getParent() + " writable, or give Java another temp folder (JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR)", e);
        } catch (RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel frees the lock anyway; nothing useful to tell the user.
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
