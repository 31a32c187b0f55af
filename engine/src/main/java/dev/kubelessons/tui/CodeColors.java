package dev.kubelessons.tui;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax colours for the code a lesson shows: YAML (keys, strings, numbers, comments), shell
 * (the command, its flags, strings, comments) and JSON. Line by line, which is all a terminal
 * needs; anything else stays plain. Without colour the code is returned unchanged.
 */
public final class CodeColors {

    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*(?:-\\s+)*)([A-Za-z0-9_.\\-/\"']+)(:)(?=\\s|$)");
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\s+|[^\\s\"']+|[\"']");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?|true|false|null");

    private CodeColors() {
    }

    public static StyledLine line(String language, String line) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "yaml", "yml" -> yaml(line);
            case "sh", "bash", "shell", "console", "shell-session" -> shell(line);
            case "json" -> json(line);
            default -> new StyledLine().add(line, Style.PLAIN);
        };
    }

    private static StyledLine yaml(String line) {
        StyledLine out = new StyledLine();
        if (line.stripLeading().startsWith("#")) {
            return out.add(line, Style.COMMENT);
        }
        String rest = line;
        Matcher key = YAML_KEY.matcher(line);
        if (key.find()) {
            out.add(key.group(1), Style.PLAIN).add(key.group(2), Style.KEY).add(key.group(3), Style.PLAIN);
            rest = line.substring(key.end());
        }
        int comment = rest.indexOf(" #");
        String value = comment >= 0 ? rest.substring(0, comment) : rest;
        tokens(out, value, false);
        if (comment >= 0) {
            out.add(rest.substring(comment), Style.COMMENT);
        }
        return out;
    }

    private static StyledLine shell(String line) {
        StyledLine out = new StyledLine();
        if (line.stripLeading().startsWith("#")) {
            return out.add(line, Style.COMMENT);
        }
        tokens(out, line, true);
        return out;
    }

    private static StyledLine json(String line) {
        StyledLine out = new StyledLine();
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            String token = matcher.group();
            boolean isKey = token.startsWith("\"") && line.substring(matcher.end()).stripLeading().startsWith(":");
            out.add(token, isKey ? Style.KEY : style(token, false, false));
        }
        return out;
    }

    /** Strings, numbers and (for shell) the command word and flags. */
    private static void tokens(StyledLine out, String text, boolean shell) {
        Matcher matcher = TOKEN.matcher(text);
        boolean commandNext = shell;
        while (matcher.find()) {
            String token = matcher.group();
            if (shell && token.startsWith("#") ) {
                out.add(text.substring(matcher.start()), Style.COMMENT);
                return;
            }
            out.add(token, style(token, shell, commandNext));
            if (shell && !token.isBlank()) {
                // After a pipe or ';' a new command starts; '$' is a prompt, not the command.
                commandNext = token.equals("|") || token.equals("&&") || token.equals(";") || token.equals("$");
            }
        }
    }

    private static Style style(String token, boolean shell, boolean command) {
        if (token.isBlank()) {
            return Style.PLAIN;
        }
        if (token.startsWith("\"") || token.startsWith("'")) {
            return Style.STRING;
        }
        if (shell && command && !token.equals("$")) {
            return Style.COMMAND;
        }
        if (shell && token.startsWith("-")) {
            return Style.FLAG;
        }
        return NUMBER.matcher(token).matches() ? Style.NUMBER : Style.PLAIN;
    }
}
