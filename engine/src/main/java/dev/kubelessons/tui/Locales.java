package dev.kubelessons.tui;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The terminal's character set from the POSIX locale variables: UTF-8 unless one of them names another. */
final class Locales {

    private Locales() {
    }

    static Charset terminalCharset() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                String lower = value.toLowerCase(Locale.ROOT);
                // "C" and "POSIX" are what an unset-up machine says, not a choice of ASCII: keep UTF-8 there too.
                boolean other = lower.contains(".") && !lower.contains("utf-8") && !lower.contains("utf8");
                return other ? Charset.defaultCharset() : StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
