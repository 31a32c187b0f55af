package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder kubelessons keeps files in (the state dir: progress, kwok clusters), proven writable before a command
 * changes anything, so that a read-only one is exit 3 naming the path and the fix up front, not a failure half-way
 * through (a --solve already applied, then nowhere to record it).
 */
public final class WritableFolder {

    private WritableFolder() {
    }

    /**
     * Creates {@code folder} if it is missing, then writes and removes a probe file in it, the way our atomic writes
     * create their temp files. {@code what} names what goes there; {@code variable} is the environment variable that
     * moves it elsewhere.
     */
    public static Path require(Path folder, String what, String variable) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".kubelessons-write-test", ".tmp"));
            return folder;
        } catch (IOException e) {
            throw new PrerequisiteException("cannot write " + what + " in " + folder + ": " + reason(e), fix(folder, variable), e);
        }
    }

    /** The next step for a folder (or a file in it) we cannot write. */
    public static String fix(Path folder, String variable) {
        return "make " + folder + " a writable folder for this user (chmod u+w; 'lsattr -d' shows an immutable flag), "
                + "or set " + variable + " to a folder you can write";
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage();
    }
}
