package dev.kubelessons.lesson;

/** A word of a command that messages suggest, written so a POSIX shell reads it back as that one word. */
public final class ShellWord {

    private ShellWord() {
    }

    /** The word bare when it has only characters no shell treats specially, else in single quotes ("my course" -> 'my course'). */
    public static String of(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./@%+=:,-]+")) {
            return word;
        }
        // Inside single quotes nothing is special but the quote itself: close, an escaped quote, reopen.
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
