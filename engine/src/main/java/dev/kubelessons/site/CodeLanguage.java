package dev.kubelessons.site;

import java.util.Locale;

/** The highlight.js language name for a fence's info string, reduced to safe characters. */
final class CodeLanguage {

    static final String PLAIN = "plaintext";

    private CodeLanguage() {
    }

    static String of(String info) {
        if (info == null || info.isBlank()) {
            return PLAIN;
        }
        String first = info.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        // The word ends up in a class attribute; anything exotic is shown as plain text.
        return first.matches("[a-z0-9+#-]{1,30}") ? first : PLAIN;
    }

    static String trimTrailingNewline(String code) {
        return code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
    }
}
