package dev.kubelessons.runner;

import java.util.List;

/**
 * Lays out a line of prose for the learner's terminal: a bold lead ("INCIDENT  ", "Hint 1 of 4: "), then the text, wrapped
 * at words to the terminal's width with {@code indent} before each following line. Commands are never given to it: a command
 * broken over two lines could not be copied and run.
 */
@FunctionalInterface
public interface ProseLayout {

    List<String> lines(String lead, String text, String indent);
}
