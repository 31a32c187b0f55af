package dev.kubelessons.markdown;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code headers:} mapping of an {@code http} check: names must be HTTP tokens and
 * values single lines, because each pair becomes one {@code -H} argument of curl and a line
 * break would let a lesson smuggle a second header (or a body) into the request.
 */
final class HeadersReader {

    /** RFC 9110 token: the characters a field name may use. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private HeadersReader() {
    }

    /** The headers in file order; every bad name or value is reported at its own place and left out. */
    static Map<String, String> read(YamlMapping check) {
        Map<String, String> headers = new LinkedHashMap<>();
        check.mapping("headers").ifPresent(fields -> {
            Map<String, String> seen = new LinkedHashMap<>();
            for (String name : fields.keys()) {
                if (!TOKEN.matcher(name).matches()) {
                    fields.reportKey(name, "header name '" + printable(name) + "' is not an HTTP token",
                            "write the name alone, without ':' or spaces (letters, digits and '-'), e.g. 'Host' or 'X-Request-Id'");
                    continue;
                }
                String earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                if (earlier != null) {
                    fields.reportKey(name, "header '" + name + "' repeats '" + earlier + "' (header names ignore case)",
                            "keep one '" + earlier + ":' line");
                    continue;
                }
                fields.string(name).ifPresent(value -> {
                    if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || (c < 0x20 && c != '\t') || c == 0x7f)) {
                        fields.report(name, "the value of header '" + name + "' contains a line break or control character",
                                "write the value on one line, as plain text in quotes if it needs special characters");
                    } else {
                        headers.put(name, value);
                    }
                });
            }
        });
        return Collections.unmodifiableMap(headers);
    }

    private static String printable(String name) {
        return name.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
