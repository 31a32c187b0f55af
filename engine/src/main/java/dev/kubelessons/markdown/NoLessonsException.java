package dev.kubelessons.markdown;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.ShellWord;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A lessons folder without a single lesson file (exit 2). The usual slip is to name the course folder instead of its
 * lessons/, so the next step names that folder when it is there.
 */
public final class NoLessonsException extends UserInputException {

    /** @param consequence what the command did not do, e.g. "; nothing to lint" */
    public NoLessonsException(Path dir, String consequence) {
        super("no lessons in " + dir + consequence, nextStep(dir));
    }

    /** What to do about a folder without lessons: pass its lessons/ if it has one, else put lessons in it or name another. */
    public static String nextStep(Path dir) {
        Path below = dir.resolve("lessons");
        if (Files.isDirectory(below)) {
            return "pass --lessons " + ShellWord.of(shown(below).toString()) + ", the lessons folder below it";
        }
        return "pass --lessons DIR with the folder of lesson files (named NN-name.md, e.g. 01-first-service.md), or add one to " + dir;
    }

    /** Relative to the working directory when under it: what the user would type. */
    private static Path shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute) : absolute;
    }
}
