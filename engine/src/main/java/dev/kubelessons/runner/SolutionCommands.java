package dev.kubelessons.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kubectl commands of a {@code sh solution} block, split into arguments the way a shell
 * would split simple words and quotes. They are run without a shell, so pipes, redirects and
 * substitutions are refused rather than misread, and the namespace and context are the runner's.
 */
public final class SolutionCommands {

    private static final Set<String> RUNNER_FLAGS = Set.of("-n", "--namespace", "--context", "--kubeconfig", "-A", "--all-namespaces");

    private SolutionCommands() {
    }

    /** The argument lists (after "kubectl") of every command line in the block. */
    public static List<List<String>> parse(String block) {
        List<List<String>> commands = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (isCommand(line)) {
                List<String> words = words(line).orElseThrow(() -> new IllegalArgumentException("unbalanced quotes: " + line));
                commands.add(words.subList(1, words.size()));
            }
        }
        return commands;
    }

    /** Why this line cannot be run, or empty if it can (blank lines and comments are fine). */
    public static Optional<String> problem(String line) {
        if (!isCommand(line)) {
            return Optional.empty();
        }
        Optional<List<String>> words = words(line);
        if (words.isEmpty()) {
            return Optional.of("unbalanced quotes in solution command: " + line.strip());
        }
        if (!words.get().get(0).equals("kubectl")) {
            return Optional.of("a solution command must start with 'kubectl', not '" + words.get().get(0) + "'");
        }
        for (String word : words.get()) {
            if (word.equals("|") || word.equals("&&") || word.equals(";") || word.startsWith(">") || word.startsWith("<")
                    || word.contains("$(") || word.contains("`")) {
                return Optional.of("solution commands run without a shell; '" + word + "' is not supported");
            }
            String flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (RUNNER_FLAGS.contains(flag)) {
                return Optional.of("solution commands must not set " + flag + "; the runner adds the lesson namespace and context");
            }
        }
        return Optional.empty();
    }

    private static boolean isCommand(String line) {
        String stripped = line.strip();
        return !stripped.isEmpty() && !stripped.startsWith("#");
    }

    /** Splits on blanks, honouring single quotes, double quotes and backslash escapes; empty if quotes are unbalanced. */
    static Optional<List<String>> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            return Optional.empty();
        }
        if (inWord) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }
}
