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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Watches the lessons and templates folders (with their subfolders) and calls back once per
 * burst of changes, with the paths that changed: editors write a file in several steps, and one
 * rebuild is enough.
 */
public final class SiteWatcher implements AutoCloseable {

    // An editor's save (write, or write a temporary file and rename) is one burst of a few ms; every ms
    // here is a ms of the author's wait for the page (issue 15: under 300 ms from write to page).
    private static final long QUIET_MILLIS = 30;

    private final WatchService watcher;
    private final Predicate<Path> ignored;

    public SiteWatcher(List<Path> dirs) throws IOException {
        this(dirs, path -> false);
    }

    /**
     * Watches {@code dirs} but not the site built into {@code output}: an output inside the lessons folder is allowed,
     * and each build replacing it must not count as an edit, or every build would start the next one.
     */
    public SiteWatcher(List<Path> dirs, Path output) throws IOException {
        this(dirs, path -> AtomicDirectory.isOwnOutput(output, path));
    }

    private SiteWatcher(List<Path> dirs, Predicate<Path> ignored) throws IOException {
        this.ignored = ignored;
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                registerTree(dir);
            }
        }
    }

    /** Blocks, calling {@code onChange} after each burst of changes, until closed or interrupted. */
    public void watch(Runnable onChange) throws IOException {
        watchChanges(paths -> onChange.run());
    }

    /** Blocks, calling {@code onChange} with the paths changed in each burst, until closed or interrupted. */
    public void watchChanges(Consumer<Set<Path>> onChange) throws IOException {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Set<Path> changed = new LinkedHashSet<>();
                drain(key, changed);
                // Wait for the burst to end before rebuilding.
                for (WatchKey more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
                     more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    drain(more, changed);
                }
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // close() was called: stop watching.
        }
    }

    private void drain(WatchKey key, Set<Path> changed) throws IOException {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            // OVERFLOW names no file: the folder itself stands for "something in it changed".
            Path path = event.context() instanceof Path name ? dir.resolve(name) : dir;
            if (ignored.test(path)) {
                continue;
            }
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                registerTree(path);
            }
        }
        key.reset();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d) && !ignored.test(d)).toList()) {
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
