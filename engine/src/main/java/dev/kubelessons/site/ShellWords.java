package dev.kubelessons.site;

import java.util.List;
import java.util.stream.Collectors;

/** An argv as a reader would type it in a POSIX shell: each argument quoted only when it needs to be. */
final class ShellWords {

    private ShellWords() {
    }

    static String join(List<String> argv) {
        return argv.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    /**
     * {@code arg} as one shell word: as it is when every character is plain, else in single quotes (a quote inside
     * becomes {@code '\''}). The lesson's placeholders ({@code ${namespace}}) count as plain: the runner fills them in
     * before the shell sees them, so quoting them would show quotes the command never has.
     */
    static String quote(String arg) {
        if (!arg.isEmpty() && plain(arg.replace("${namespace}", "").replace("${nodes}", ""))) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean safe = Character.isLetterOrDigit(c) || "_-./=:,@%+".indexOf(c) >= 0;
            if (!safe) {
                return false;
            }
        }
        return true;
    }
}
