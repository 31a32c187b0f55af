package dev.kubelessons.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder nobody may write, not even root, for as long as it is open: immutable (chattr +i) when we run as root,
 * whom permission bits do not stop, read-only permission bits otherwise. Closing makes it writable again.
 */
final class ReadOnlyFolder implements AutoCloseable {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path folder;

    private ReadOnlyFolder(Path folder) {
        this.folder = folder;
    }

    static ReadOnlyFolder of(Path folder) throws IOException, InterruptedException {
        if (ROOT) {
            int exit = chattr("+i", folder);
            Assumptions.assumeTrue(exit == 0, "root, and chattr +i does not work on " + folder + "'s file system: no read-only folder to test with");
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        return new ReadOnlyFolder(folder);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (ROOT) {
            chattr("-i", folder);
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static int chattr(String flag, Path folder) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("chattr", flag, folder.toString()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
