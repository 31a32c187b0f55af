package dev.kubelessons.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the lessons and templates folders (with their subfolders) and calls back once per
 * burst of changes: editors write a file in several steps, and one rebuild is enough.
 */
public final class SiteWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 150;

    private final WatchService watcher;

    public SiteWatcher(List<Path> dirs) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                registerTree(dir);
            }
        }
    }

    /** Blocks, calling {@code onChange} after each burst of changes, until closed or interrupted. */
    public void watch(Runnable onChange) throws IOException {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean changed = drain(key);
                // Wait for the burst to end before rebuilding.
                for (WatchKey more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
                     more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    changed |= drain(more);
                }
                if (changed) {
                    onChange.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // close() was called: stop watching.
        }
    }

    private boolean drain(WatchKey key) throws IOException {
        Path dir = (Path) key.watchable();
        boolean changed = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                registerTree(dir.resolve(name));
            }
        }
        key.reset();
        return changed;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
