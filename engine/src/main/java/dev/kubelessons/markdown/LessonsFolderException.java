package dev.kubelessons.markdown;

import dev.kubelessons.failure.UserInputException;
import java.nio.file.Path;

/** The lessons folder given (or found) does not exist. */
public final class LessonsFolderException extends UserInputException {
    public LessonsFolderException(Path dir) {
        super("no lessons folder at " + dir, "pass --lessons DIR, or run the command from the kubelessons repository");
    }
}
